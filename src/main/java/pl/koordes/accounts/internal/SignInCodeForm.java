package pl.koordes.accounts.internal;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.text.Text;

/** The code from the authenticator app (or a recovery code) asked for while signing in or enrolling. */
public record SignInCodeForm(
        @NotBlank(message = "secondFactor.invalid") @Text(max = 64, message = "secondFactor.invalid") @Nullable
        String code) {

    /** The code as typed, spaces inside it removed (apps show "123 456"). */
    public String typed() {
        return code == null ? "" : code.replace(" ", "");
    }
}
