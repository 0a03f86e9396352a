package pl.koordes.accounts.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;
import pl.koordes.accounts.Profiles;
import pl.koordes.shared.mail.EmailAddresses;
import pl.koordes.shared.text.Text;
import pl.koordes.shared.text.TextInput;
import pl.koordes.shared.web.CrossFieldRules;

/**
 * What a visitor types to create a participant account. The password is kept as typed (never
 * normalised) and judged by the password policy in {@link SelfRegistration}, which knows the
 * name and address it must not resemble.
 */
public record SelfRegistrationForm(
        @NotBlank(message = "profile.name.required")
        @Size(max = Profiles.NAME_MAX, message = "profile.name.tooLong")
        @Text(max = Profiles.NAME_MAX)
        @Nullable
        String displayName,

        @NotBlank(message = "profile.email.invalid")
        @Text(max = EmailAddresses.MAX_LENGTH)
        @Pattern(regexp = "|" + EmailAddresses.PLAIN_ADDRESS, message = "profile.email.invalid")
        @Nullable
        String email,

        @Nullable String password,
        @Nullable String passwordRepeated)
        implements CrossFieldRules {

    /** Passwords stay as typed; the other texts are normalised here (FormBinding leaves records with passwords alone). */
    public SelfRegistrationForm {
        displayName = TextInput.normalise(displayName);
        email = TextInput.normalise(email);
    }

    public static SelfRegistrationForm empty() {
        return new SelfRegistrationForm("", "", null, null);
    }

    @Override
    public void checkTogether(Errors errors) {
        if (!Objects.equals(password, passwordRepeated)) {
            errors.rejectValue("passwordRepeated", "password.mismatch");
        }
    }
}
