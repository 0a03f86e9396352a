package pl.koordes.directory;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An institution with its contacts as an administrator enters them. Regional kinds (ROPS, marshal's
 * office, OWES) belong to a region; central institutions and partners may have none.
 */
public record InstitutionForm(
        @NotNull(message = "directory.admin.kind.required") @Nullable InstitutionKind kind,
        @NotBlank(message = "directory.admin.name.required")
        @Size(max = 300, message = "directory.admin.size.300") @Nullable String name,
        @Nullable Long regionId,
        @Size(max = 200, message = "directory.admin.size.200") @Nullable String street,
        @Pattern(regexp = "[0-9]{2}-[0-9]{3}", message = "directory.admin.postalCode.invalid") @Nullable String postalCode,
        @Size(max = 80, message = "directory.admin.size.80") @Nullable String city,
        @Size(max = 254, message = "directory.admin.size.254")
        @Email(message = "directory.admin.email.invalid")
        @Pattern(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "directory.admin.email.invalid") @Nullable String email,
        @Size(max = 40, message = "directory.admin.size.40")
        @Pattern(regexp = "[0-9+()./ -]+", message = "directory.admin.phone.invalid") @Nullable String phone,
        @Size(max = 300, message = "directory.admin.size.300")
        @Pattern(regexp = InstitutionForm.WEB_ADDRESS, message = "directory.admin.website.invalid") @Nullable String website) {

    /** An http or https address with a host name: the region page links to it, so nothing else (javascript:) passes. */
    static final String WEB_ADDRESS = "(?i)https?://[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)*(:[0-9]{1,5})?([/?#]\\S*)?";

    private static final Set<InstitutionKind> REGIONAL = Set.of(InstitutionKind.ROPS, InstitutionKind.MARSHAL_OFFICE,
            InstitutionKind.OWES);

    /** Reported on the field {@code regionId}. */
    @AssertTrue(message = "directory.admin.region.required")
    public boolean isRegionGivenWhenRegional() {
        return kind == null || !REGIONAL.contains(kind) || regionId != null;
    }
}
