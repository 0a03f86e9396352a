package pl.koordes.accounts.internal;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;
import pl.koordes.shared.web.CrossFieldRules;

/** A new password, confirmed with the current one; every password as typed. */
public record PasswordChangeForm(
        @Nullable String currentPassword,
        @Nullable String newPassword,
        @Nullable String passwordRepeated) implements CrossFieldRules {

    @Override
    public void checkTogether(Errors errors) {
        if (!Objects.equals(newPassword, passwordRepeated)) {
            errors.rejectValue("passwordRepeated", "password.mismatch");
        }
    }
}
