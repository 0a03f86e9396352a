package pl.koordes.postulates.internal;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.i18n.Formats;

/**
 * One line of a postulate's public timeline.
 *
 * @param date the day in Europe/Warsaw
 * @param href where the line's link leads (a merged postulate, a meeting), or null
 * @param linkText the link's text (a postulate's title, escaped by the template)
 */
public record TimelineEntry(
        LocalDate date,
        String text,
        @Nullable String href,
        @Nullable String linkText) {

    public String day() {
        return Formats.date(date);
    }
}
