package pl.koordes.directory.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.text.Text;

/**
 * The public contact details of an institution (a region's ROPS) as its coordinator enters them; every
 * field optional (an empty field is no value).
 */
public record ContactForm(
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
        String website) {

    public static ContactForm of(Institution institution) {
        return new ContactForm(
                institution.street(),
                institution.postalCode(),
                institution.city(),
                institution.email(),
                institution.phone(),
                institution.website());
    }
}
