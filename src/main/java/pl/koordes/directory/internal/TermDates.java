package pl.koordes.directory.internal;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/** The dates of terms and memberships: one anybody could mean lies between 1900 and 2999. */
final class TermDates {

    /** Dates outside these are typing mistakes (and some would not fit the database). */
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    private TermDates() {}

    static boolean plausible(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    /** Reports the field when it holds a date nobody could mean. */
    static void checkPlausible(Errors errors, String field, @Nullable LocalDate date) {
        if (date != null && !plausible(date)) {
            errors.rejectValue(field, "directory.admin.date.range");
        }
    }
}
