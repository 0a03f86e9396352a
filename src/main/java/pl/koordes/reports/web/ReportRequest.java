package pl.koordes.reports.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import pl.koordes.directory.Region;

/**
 * The report's address read: {@code od} and {@code do} (days as the date fields send them, 2026-03-31) and
 * {@code wojewodztwo} (a region's slug; empty for the whole country). A missing day takes its default (the first
 * of January of the current year, today); a day that is not a date, before 2000 or after next year, a period
 * that ends before it starts or is longer than {@link #LONGEST_YEARS} years, and an unknown region are errors
 * shown beside their field (the page answers 400), never a guess.
 *
 * @param first the first day, or null when it did not read
 * @param last the last day, or null when it did not read
 * @param region the region asked for, or null for the whole country (or an unknown one: see {@code errors})
 * @param errors message keys by field ({@code od}, {@code do}, {@code wojewodztwo}); empty when all is well
 * @param typedFirst what was typed as the first day (shown again)
 * @param typedLast what was typed as the last day
 * @param typedRegion the slug typed
 */
public record ReportRequest(
        @Nullable LocalDate first,
        @Nullable LocalDate last,
        @Nullable Region region,
        Map<String, String> errors,
        String typedFirst,
        String typedLast,
        String typedRegion) {

    static final int FIRST_YEAR = 2000;
    static final int LONGEST_YEARS = 5;

    static ReportRequest read(
            @Nullable String od,
            @Nullable String doDnia,
            @Nullable String wojewodztwo,
            LocalDate today,
            List<Region> regions) {
        Map<String, String> errors = new LinkedHashMap<>();
        String typedFirst = od == null ? "" : od.strip();
        String typedLast = doDnia == null ? "" : doDnia.strip();
        String typedRegion = wojewodztwo == null ? "" : wojewodztwo.strip();
        LocalDate first = typedFirst.isEmpty() ? today.withDayOfYear(1) : day(typedFirst, "od", today, errors);
        LocalDate last = typedLast.isEmpty() ? today : day(typedLast, "do", today, errors);
        if (first != null && last != null) {
            if (last.isBefore(first)) {
                errors.put("do", "reports.error.order");
            } else if (last.isAfter(first.plusYears(LONGEST_YEARS))) {
                errors.put("do", "reports.error.tooLong");
            }
        }
        Region region = null;
        if (!typedRegion.isEmpty()) {
            Optional<Region> found =
                    regions.stream().filter(r -> r.slug().equals(typedRegion)).findFirst();
            if (found.isPresent()) {
                region = found.get();
            } else {
                errors.put("wojewodztwo", "reports.error.region");
            }
        }
        return new ReportRequest(first, last, region, Map.copyOf(errors), typedFirst, typedLast, typedRegion);
    }

    private static @Nullable LocalDate day(String typed, String field, LocalDate today, Map<String, String> errors) {
        LocalDate day;
        try {
            // ISO only (2026-03-31), as a date field sends it; no lenient rollover of 31 February.
            day = typed.length() == 10 ? LocalDate.parse(typed) : null;
        } catch (DateTimeParseException e) {
            day = null;
        }
        if (day == null) {
            errors.put(field, "reports.error.date");
            return null;
        }
        if (day.getYear() < FIRST_YEAR || day.getYear() > today.getYear() + 1) {
            errors.put(field, "reports.error.year");
            return null;
        }
        return day;
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
