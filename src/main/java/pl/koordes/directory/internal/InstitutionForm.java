package pl.koordes.directory.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

        @Pattern(regexp = ContactRules.POSTAL_CODE, message = "directory.admin.postalCode.invalid")
        @Text(max = 6)
        @Nullable
        String postalCode,

        @Text(max = 80) @Nullable String city,

        @Email(message = "directory.admin.email.invalid")
        @Pattern(regexp = ContactRules.EMAIL, message = "directory.admin.email.invalid")
        @Text(max = 254)
        @Nullable
        String email,

        @Pattern(regexp = ContactRules.PHONE, message = "directory.admin.phone.invalid") @Text(max = 40) @Nullable
        String phone,

        @Pattern(regexp = ContactRules.WEB_ADDRESS, message = "directory.admin.website.invalid")
        @Text(max = 300)
        @Nullable
        String website)
        implements CrossFieldRules {

    private static final Set<InstitutionKind> REGIONAL =
            Set.of(InstitutionKind.ROPS, InstitutionKind.MARSHAL_OFFICE, InstitutionKind.OWES);

    public static InstitutionForm inRegion(@Nullable Long regionId) {
        return new InstitutionForm(null, null, regionId, null, null, null, null, null, null);
    }

    @Override
    public void checkTogether(Errors errors) {
        if (kind != null && REGIONAL.contains(kind) && regionId == null) {
            errors.rejectValue("regionId", "directory.admin.region.required");
        }
    }
}
