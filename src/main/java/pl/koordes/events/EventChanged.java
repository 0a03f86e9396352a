package pl.koordes.events;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.audit.AuditAction;

/**
 * An organiser saved an event's form. {@link #mattersToRegistrants()} says whether what people who
 * registered rely on changed for a published event: the time, the place or the online link (they are
 * told by e-mail, and the notification centre will tell them too).
 *
 * @param before the time and place before the change
 * @param after the time and place after it
 */
public record EventChanged(
        long eventId,
        String title,
        EventStatus status,
        Details before,
        Details after,
        Map<String, @Nullable Object> fieldsBefore,
        Map<String, @Nullable Object> fieldsAfter)
        implements EventFact {

    public EventChanged {
        // Values may be null (an event without a venue), which Map.copyOf refuses.
        fieldsBefore = Collections.unmodifiableMap(new LinkedHashMap<>(fieldsBefore));
        fieldsAfter = Collections.unmodifiableMap(new LinkedHashMap<>(fieldsAfter));
    }

    /** What registrants rely on. The online link itself is not repeated in the audit log, only whether it changed. */
    public record Details(
            Instant startsAt,
            Instant endsAt,
            @Nullable String venue,
            @Nullable String address,
            @Nullable String onlineLink) {}

    /** The time, place or link of a published event changed. */
    public boolean mattersToRegistrants() {
        return status == EventStatus.PUBLISHED && !before.equals(after);
    }

    public boolean onlineLinkChanged() {
        return !Objects.equals(before.onlineLink(), after.onlineLink());
    }

    @Override
    public AuditAction auditAction() {
        return EventAction.EVENT_UPDATED;
    }

    /** The form's values before, as the audit page compares them (long texts and the link as fingerprints). */
    @Override
    public Map<String, ?> auditBefore() {
        return fieldsBefore;
    }

    @Override
    public Map<String, ?> auditAfter() {
        return fieldsAfter;
    }
}
