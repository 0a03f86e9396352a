package pl.koordes.accounts.internal;

import java.util.Objects;
import java.util.UUID;

/**
 * Someone asked for a password reset link for {@code email}. Published in the request's transaction and
 * handled after it by {@link PasswordReset#on(PasswordResetRequested)}, so that the answer costs the same
 * whether an account has the address or not.
 *
 * @param email the address as typed
 * @param id this request's own id, so that a listener run again sends no second link (a publication stored
 *        before the id existed gets a new one when read)
 */
public record PasswordResetRequested(String email, UUID id) {

    public PasswordResetRequested {
        id = Objects.requireNonNullElseGet(id, UUID::randomUUID);
    }

    PasswordResetRequested(String email) {
        this(email, UUID.randomUUID());
    }
}
