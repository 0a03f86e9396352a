package pl.koordes.directory;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A committee in one term as an administrator enters it.
 *
 * @param regionId the region of an RKRES; none for the national committee (KKRES)
 */
public record CommitteeForm(
        @Nullable Long regionId,
        @NotBlank(message = "directory.admin.name.required")
        @Size(max = 300, message = "directory.admin.size.300") @Nullable String name,
        @NotNull(message = "directory.admin.termStart.required")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate termStart,
        @NotNull(message = "directory.admin.termEnd.required")
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
    @AssertTrue(message = "directory.admin.termEnd.notAfterStart")
    public boolean isTermEndAfterStart() {
        return termStart == null || termEnd == null || termEnd.isAfter(termStart);
    }
}
