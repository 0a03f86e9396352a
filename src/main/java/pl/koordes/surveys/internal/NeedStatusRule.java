package pl.koordes.surveys.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import pl.koordes.events.EventReference;
import pl.koordes.events.EventStatus;
import pl.koordes.surveys.NeedLinkKind;
import pl.koordes.surveys.NeedStatus;
import pl.koordes.surveys.internal.NeedStore.Link;

/**
 * Where a need stands, from what is linked to it (docs/surveys.md, "Needs"):
 *
 * <ul>
 *   <li>marked answered by the operator: ANSWERED on the day they gave, whatever is linked;
 *   <li>nothing linked that can answer it (no link, or only cancelled or deleted events): OPEN;
 *   <li>every linked event has ended (published or completed, not a draft) and every linked advice was given:
 *       ANSWERED, on the day the last of them ended;
 *   <li>otherwise PLANNED.
 * </ul>
 */
final class NeedStatusRule {

    private NeedStatusRule() {}

    /** The status and the moment it was answered (null unless ANSWERED). */
    record Outcome(NeedStatus status, @Nullable Instant answeredAt) {}

    static Outcome of(List<Link> links, Map<Long, EventReference> events, Instant now) {
        int counted = 0;
        @Nullable Instant last = null;
        boolean pending = false;
        for (Link link : links) {
            @Nullable Instant done;
            if (link.kind() == NeedLinkKind.EVENT) {
                EventReference event = events.get(link.targetId());
                if (event == null || event.status() == EventStatus.CANCELLED) {
                    continue;
                }
                boolean tookPlace =
                        event.status() != EventStatus.DRAFT && !event.endsAt().isAfter(now);
                done = tookPlace ? event.endsAt() : null;
            } else {
                done = link.doneAt();
            }
            counted++;
            if (done == null) {
                pending = true;
            } else if (last == null || done.isAfter(last)) {
                last = done;
            }
        }
        if (counted == 0) {
            return new Outcome(NeedStatus.OPEN, null);
        }
        return pending ? new Outcome(NeedStatus.PLANNED, null) : new Outcome(NeedStatus.ANSWERED, last);
    }
}
