package pl.koordes.directory.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;
import pl.koordes.directory.InstitutionKind;
import pl.koordes.shared.text.Text;
import pl.koordes.shared.web.CrossFieldRules;

/**
 * An institution with its contacts as an administrator enters it. Regional kinds (ROPS, marshal's
 * office, OWES) belong to a region; central institutions and partners may have none.
 */
public record InstitutionForm(
        @NotNull(message = "directory.admin.kind.required") @Nullable
        InstitutionKind kind,

        @NotBlank(message = "directory.admin.name.required") @Text(max = 300) @Nullable
        String name,

        @Nullable Long regionId,
        @Text(max = 200) @Nullable String street,
        @ContactRules.PostalCode @Nullable String postalCode,
        @Text(max = 80) @Nullable String city,
        @ContactRules.Email @Nullable String email,
        @ContactRules.Phone @Nullable String phone,
        @ContactRules.Website @Nullable String website)
        implements CrossFieldRules {

    private static final Set<InstitutionKind> REGIONAL =
            Set.of(InstitutionKind.ROPS, InstitutionKind.MARSHAL_OFFICE, InstitutionKind.OWES);

    public static InstitutionForm inRegion(@Nullable Long regionId) {
        return new InstitutionForm(null, null, regionId, null, null, null, null, null, null);
    }

    /** The institution's contact details, as the coordinator's contact form has them. */
    public ContactForm contact() {
        return new ContactForm(street, postalCode, city, email, phone, website);
    }

    @Override
    public void checkTogether(Errors errors) {
        if (kind != null && REGIONAL.contains(kind) && regionId == null) {
            errors.rejectValue("regionId", "directory.admin.region.required");
        }
    }
}
