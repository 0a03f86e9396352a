package pl.koordes.directory.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;
import pl.koordes.shared.text.Text;
import pl.koordes.shared.web.CrossFieldRules;

/**
 * A committee in one term as an administrator enters it.
 *
 * @param regionId the region of an RKRES; none for the national committee (KKRES)
 */
public record CommitteeForm(
        @Nullable Long regionId,

        @NotBlank(message = "directory.admin.name.required") @Text(max = 300) @Nullable
        String name,

        @NotNull(message = "directory.admin.termStart.required")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        @Nullable
        LocalDate termStart,

        @NotNull(message = "directory.admin.termEnd.required") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
        LocalDate termEnd)
        implements CrossFieldRules {

    @Override
    public void checkTogether(Errors errors) {
        TermDates.checkPlausible(errors, "termStart", termStart);
        TermDates.checkPlausible(errors, "termEnd", termEnd);
        if (termStart != null && termEnd != null && !termEnd.isAfter(termStart)) {
            errors.rejectValue("termEnd", "directory.admin.termEnd.notAfterStart");
        }
    }
}
