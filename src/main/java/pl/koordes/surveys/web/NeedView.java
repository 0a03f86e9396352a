package pl.koordes.surveys.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import pl.koordes.events.EventReference;
import pl.koordes.events.EventStatus;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.web.Page;
import pl.koordes.surveys.NeedLinkKind;
import pl.koordes.surveys.internal.NeedStore;

/** What a need's page shows of its parts. */
public final class NeedView {

    private NeedView() {}

    /**
     * The summary sentence, "Zebrano 37 potrzeb, 29 zaspokojono dzięki 11 wydarzeniom i 8 poradom.", each number
     * with its own plural form; what answered nothing is left out ("…, 3 zaspokojono dzięki 2 wydarzeniom.").
     */
    public static String summary(Page page, NeedStore.Summary summary) {
        StringBuilder text = new StringBuilder()
                .append(page.t("surveys.needs.summary.collected", summary.collected()))
                .append(", ")
                .append(page.t("surveys.needs.summary.answered", summary.answered()));
        List<String> by = new ArrayList<>();
        if (summary.events() > 0) {
            by.add(page.t("surveys.needs.summary.events", summary.events()));
        }
        if (summary.advice() > 0) {
            by.add(page.t("surveys.needs.summary.advice", summary.advice()));
        }
        if (by.size() == 2) {
            text.append(' ')
                    .append(page.t(
                            "surveys.needs.summary.thanks", page.t("surveys.needs.summary.and", by.get(0), by.get(1))));
        } else if (by.size() == 1) {
            text.append(' ').append(page.t("surveys.needs.summary.thanks", by.getFirst()));
        }
        return text.append('.').toString();
    }

    /** A moment's day in Warsaw for a {@code <time datetime>}: 2026-08-31. */
    public static String iso(Instant at) {
        return at.atZone(Formats.ZONE).toLocalDate().toString();
    }

    /**
     * Something linked to the need, with the event it names (null for advice, or an event deleted since).
     *
     * @param event the linked event, drafts included
     */
    public record LinkView(
            long needId, NeedStore.Link link, @Nullable EventReference event) {

        public NeedLinkKind kind() {
            return link.kind();
        }

        public long targetId() {
            return link.targetId();
        }

        /** The address of the question before the link is removed. */
        public String unlinkPath() {
            return NeedsController.unlinkPath(needId, link.kind(), link.targetId());
        }

        /** Where the event stands for the need: a message key of surveys.needs.linkState.*. */
        public String stateKey(Instant now) {
            if (link.kind() == NeedLinkKind.ADVICE) {
                return link.doneAt() == null
                        ? "surveys.needs.linkState.advicePlanned"
                        : "surveys.needs.linkState.adviceGiven";
            }
            if (event == null) {
                return "surveys.needs.linkState.gone";
            }
            if (event.status() == EventStatus.CANCELLED) {
                return "surveys.needs.linkState.cancelled";
            }
            if (event.status() == EventStatus.DRAFT) {
                return "surveys.needs.linkState.draft";
            }
            return event.endsAt().isAfter(now) ? "surveys.needs.linkState.upcoming" : "surveys.needs.linkState.held";
        }
    }
}
