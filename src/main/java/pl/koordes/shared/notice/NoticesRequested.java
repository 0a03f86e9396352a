package pl.koordes.shared.notice;

import java.util.List;
import java.util.Objects;

/**
 * Several notices decided together (the same news for every moderator), published as one event: one entry in the
 * event publication registry and one delivery that stores them all, where one {@link NoticeRequested} each would cost
 * a registry entry, a delivery and its completion per person. Each notice keeps its own id, so a repeated delivery
 * stores each once.
 *
 * @param notices at least one
 */
public record NoticesRequested(List<NoticeRequested> notices) {

    public NoticesRequested {
        Objects.requireNonNull(notices, "notices");
        if (notices.isEmpty()) {
            throw new IllegalArgumentException("NoticesRequested holds at least one notice");
        }
        notices = List.copyOf(notices);
    }
}
