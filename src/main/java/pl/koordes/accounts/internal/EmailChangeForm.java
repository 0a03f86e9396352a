package pl.koordes.accounts.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.mail.EmailAddresses;
import pl.koordes.shared.text.Text;
import pl.koordes.shared.text.TextInput;

/** A new sign-in address, confirmed with the current password (kept as typed). */
public record EmailChangeForm(
        @NotBlank(message = "profile.email.invalid")
        @Text(max = EmailAddresses.MAX_LENGTH)
        @Pattern(regexp = "|" + EmailAddresses.PLAIN_ADDRESS, message = "profile.email.invalid")
        @Nullable
        String newEmail,

        @Nullable String currentPasswordEmail) {

    /** Passwords stay as typed; the other texts are normalised here (FormBinding leaves records with passwords alone). */
    public EmailChangeForm {
        newEmail = TextInput.normalise(newEmail);
    }
}
