package pl.koordes.directory.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;
import pl.koordes.directory.BodyKind;
import pl.koordes.shared.text.Text;
import pl.koordes.shared.web.CrossFieldRules;

/**
 * A person's membership in a committee as an administrator or the region's coordinator enters it.
 *
 * @param functionForm how the function is named for this person; none means both forms
 * @param termEnd the last day of the membership, or none while it is open-ended
 * @param bodyKind the kind of body the Act names the member comes from; none keeps what the membership has (a
 *     new one gets the kind its sector suggests)
 */
public record MembershipForm(
        @NotBlank(message = "directory.admin.fullName.required") @Text(max = 200) @Nullable
        String fullName,

        @Text(max = 300) @Nullable String organisation,

        @NotNull(message = "directory.admin.sector.required") @Nullable
        Sector sector,

        @NotNull(message = "directory.admin.function.required") @Nullable
        CommitteeFunction function,

        @Nullable FunctionForm functionForm,

        @NotNull(message = "directory.admin.membershipStart.required")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        @Nullable
        LocalDate termStart,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
        LocalDate termEnd,

        @Nullable BodyKind bodyKind)
        implements CrossFieldRules {

    /** A new membership from the given day to the end of the committee's term. */
    public static MembershipForm starting(LocalDate start, @Nullable LocalDate end) {
        return new MembershipForm(null, null, null, null, FunctionForm.UNSPECIFIED, start, end, null);
    }

    public static MembershipForm of(CommitteeMember member) {
        return new MembershipForm(
                member.fullName(),
                member.organisation(),
                member.sector(),
                member.function(),
                member.functionForm(),
                member.termStart(),
                member.termEnd(),
                member.bodyKind());
    }

    @Override
    public void checkTogether(Errors errors) {
        TermDates.checkPlausible(errors, "termStart", termStart);
        TermDates.checkPlausible(errors, "termEnd", termEnd);
        if (termStart != null && termEnd != null && termEnd.isBefore(termStart)) {
            errors.rejectValue("termEnd", "directory.admin.membershipEnd.beforeStart");
        }
    }
}
