package pl.koordes.accounts.internal;

import jakarta.validation.constraints.Size;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;
import pl.koordes.shared.text.TextInput;
import pl.koordes.shared.web.CrossFieldRules;

/**
 * A password set by a single-use link: accepting an invitation (or the first administrator's set-up
 * link) and resetting a forgotten password. The password is kept as typed and judged by
 * the password policy.
 *
 * @param token the link's token, carried in a hidden field
 */
public record NewPasswordForm(
        @Size(max = 200, message = "form.invalid") @Nullable String token,
        @Nullable String password,
        @Nullable String passwordRepeated)
        implements CrossFieldRules {

    /** Passwords stay as typed; the other texts are normalised here (FormBinding leaves records with passwords alone). */
    public NewPasswordForm {
        token = TextInput.normalise(token);
    }

    /** The token, never null (an empty token is a link that does not work). */
    public String tokenText() {
        return token == null ? "" : token;
    }

    @Override
    public void checkTogether(Errors errors) {
        if (!Objects.equals(password, passwordRepeated)) {
            errors.rejectValue("passwordRepeated", "password.mismatch");
        }
    }
}
