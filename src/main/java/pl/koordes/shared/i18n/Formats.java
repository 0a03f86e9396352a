package pl.koordes.shared.i18n;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/** Dates and times as Polish readers expect them (31.08.2017, 24-hour clock), in Europe/Warsaw. */
public final class Formats {

    /** The zone every date and time is shown and entered in. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Warsaw");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private Formats() {}

    public static String date(LocalDate date) {
        return DATE.format(date);
    }

    public static String date(Instant instant) {
        return DATE.format(instant.atZone(ZONE));
    }

    public static String dateTime(Instant instant) {
        return DATE_TIME.format(instant.atZone(ZONE));
    }

    public static String dateTime(TemporalAccessor zoned) {
        return DATE_TIME.format(zoned);
    }

    /** A file's size as people read it: 512 B, 12 kB, 3,4 MB (a decimal comma in Polish). */
    public static String fileSize(long bytes, Locale locale) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.max(1, Math.round(bytes / 1024.0)) + " kB";
        }
        return String.format(locale, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
