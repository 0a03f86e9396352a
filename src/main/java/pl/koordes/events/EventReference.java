package pl.koordes.events;

import java.time.Instant;

/**
 * A public event as other modules see it (a national meeting's agenda lists postulates).
 *
 * @param titleEn the English title, empty where there is none
 * @param path its address on this site, {@code /wydarzenia/42}
 */
public record EventReference(
        long id,
        String title,
        String titleEn,
        String path,
        EventLevel level,
        EventStatus status,
        Instant startsAt,
        Instant endsAt) {

    /** The title a reader of this interface language sees: the English one where there is one. */
    public String title(boolean english) {
        return english && !titleEn.isEmpty() ? titleEn : title;
    }

    /** A national event that is neither cancelled nor a draft. */
    public boolean nationalAndOn() {
        return level == EventLevel.NATIONAL && status != EventStatus.CANCELLED && status.visible();
    }
}
