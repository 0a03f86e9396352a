package pl.koordes.directory.internal;

import org.jspecify.annotations.Nullable;
import pl.koordes.shared.text.Text;

/**
 * The public contact details of an institution (a region's ROPS) as its coordinator enters them; every
 * field optional (an empty field is no value).
 */
public record ContactForm(
        @Text(max = 200) @Nullable String street,
        @ContactRules.PostalCode @Nullable String postalCode,
        @Text(max = 80) @Nullable String city,
        @ContactRules.Email @Nullable String email,
        @ContactRules.Phone @Nullable String phone,
        @ContactRules.Website @Nullable String website) {

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
