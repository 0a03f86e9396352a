package pl.koordes.directory.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.text.Text;

/**
 * How to reach a committee member: not public; the region's coordinators and administrators see it.
 * Both fields optional.
 */
public record MemberContactForm(
        @Email(message = "directory.admin.email.invalid")
        @Pattern(regexp = ContactRules.EMAIL, message = "directory.admin.email.invalid")
        @Text(max = 254)
        @Nullable
        String email,

        @Pattern(regexp = ContactRules.PHONE, message = "directory.admin.phone.invalid") @Text(max = 40) @Nullable
        String phone) {

    public static final MemberContactForm NONE = new MemberContactForm(null, null);
}
