package pl.koordes.directory;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The public contact details of an institution (a region's ROPS) as its coordinator enters them; every field optional. */
public record ContactForm(
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

    public static ContactForm of(Institution institution) {
        return new ContactForm(institution.street(), institution.postalCode(), institution.city(), institution.email(),
                institution.phone(), institution.website());
    }
}
