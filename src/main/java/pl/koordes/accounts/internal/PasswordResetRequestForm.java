package pl.koordes.accounts.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.mail.EmailAddresses;
import pl.koordes.shared.text.Text;

/** The address a person asks a password-reset link for. */
public record PasswordResetRequestForm(
        @NotBlank(message = "reset.email.invalid")
        @Text(max = EmailAddresses.MAX_LENGTH)
        @Pattern(regexp = "|" + EmailAddresses.PLAIN_ADDRESS, message = "reset.email.invalid")
        @Nullable
        String email) {}
