package pl.koordes.directory;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A person's membership in a committee as an administrator enters it.
 *
 * @param termEnd the last day of the membership, or none while it is open-ended
 */
public record MembershipForm(
        @NotBlank(message = "directory.admin.fullName.required")
        @Size(max = 200, message = "directory.admin.size.200") @Nullable String fullName,
        @Size(max = 300, message = "directory.admin.size.300") @Nullable String organisation,
        @NotNull(message = "directory.admin.sector.required") @Nullable Sector sector,
        @NotNull(message = "directory.admin.function.required") @Nullable CommitteeFunction function,
        @NotNull(message = "directory.admin.membershipStart.required")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate termStart,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate termEnd) {

    /** Reported on the field {@code termStart}. */
    @AssertTrue(message = "directory.admin.date.range")
    public boolean isTermStartInRange() {
        return termStart == null || DirectoryEditing.plausible(termStart);
    }

    /** Reported on the field {@code termEnd}. */
    @AssertTrue(message = "directory.admin.date.range")
    public boolean isTermEndInRange() {
        return termEnd == null || DirectoryEditing.plausible(termEnd);
    }

    /** Reported on the field {@code termEnd}. */
    @AssertTrue(message = "directory.admin.membershipEnd.beforeStart")
    public boolean isTermEndNotBeforeStart() {
        return termStart == null || termEnd == null || !termEnd.isBefore(termStart);
    }
}
