package pl.koordes.accounts.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.mail.EmailAddresses;
import pl.koordes.shared.text.Text;

/** The address a visitor without an account asks to see or erase the data about. */
public record VisitorDataRequestForm(
        @NotBlank(message = "visitorData.email.invalid")
        @Text(max = EmailAddresses.MAX_LENGTH)
        @Pattern(regexp = "|" + EmailAddresses.PLAIN_ADDRESS, message = "visitorData.email.invalid")
        @Nullable
        String email) {}
