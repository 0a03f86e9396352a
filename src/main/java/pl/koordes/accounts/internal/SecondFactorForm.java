package pl.koordes.accounts.internal;

import org.jspecify.annotations.Nullable;
import pl.koordes.shared.text.Text;
import pl.koordes.shared.text.TextInput;

/**
 * Turning the second factor on: a code from the authenticator app, proving it works, and the current
 * password (as typed). Also the form that asks only for the current password, to turn the second
 * factor off or to get new recovery codes (then the code is not sent).
 */
public record SecondFactorForm(
        @Text(max = 10) @Nullable String code, @Nullable String currentPasswordTotp) {

    /** Passwords stay as typed; the other texts are normalised here (FormBinding leaves records with passwords alone). */
    public SecondFactorForm {
        code = TextInput.normalise(code);
    }
}
