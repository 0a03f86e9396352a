package pl.koordes.reports.section;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a report covers: the days from {@code first} to {@code last}, both included, in Europe/Warsaw;
 * one region (its directory id) or, when {@code regionId} is null, the whole country; and the language
 * its words are written in.
 */
public record ReportScope(
        LocalDate first, LocalDate last, @Nullable Long regionId, Locale locale) {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    public ReportScope {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("A report's period ends before it starts: " + first + " – " + last);
        }
    }

    /** The first instant of the period: midnight of {@code first} in Warsaw. */
    public Instant start() {
        return first.atStartOfDay(WARSAW).toInstant();
    }

    /** The instant just after the period: midnight after {@code last} in Warsaw (exclusive). */
    public Instant end() {
        return last.plusDays(1).atStartOfDay(WARSAW).toInstant();
    }

    /** Whether the report covers the whole country. */
    public boolean national() {
        return regionId == null;
    }
}
