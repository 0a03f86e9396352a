package pl.koordes.directory.internal;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The last day of a membership that is being ended; empty means today. Each current member's row has
 * its own such form, so its field shows as {@code end-<membership id>} on the page.
 */
public record MembershipEndForm(
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
        LocalDate end) {

    /** The field of this membership's end form on a page that lists several. */
    public static String field(long membershipId) {
        return "end-" + membershipId;
    }
}
