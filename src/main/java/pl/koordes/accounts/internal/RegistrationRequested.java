package pl.koordes.accounts.internal;

import java.util.Objects;
import java.util.UUID;

/**
 * A visitor sent the registration form (checked, password hashed). Published in the request's transaction
 * and handled after it by {@link SelfRegistration#on(RegistrationRequested)}, so that the answer costs the
 * same whether the address already has an account or not: the request only hashes the password and queues
 * this. The hash, never the password, is stored with the publication.
 *
 * @param displayName the name as typed (normalised)
 * @param email the address as typed
 * @param passwordHash the encoded password
 * @param language the code of the language the form was sent in ({@code pl}, {@code en})
 * @param id this request's own id, so that a listener run again creates no second account (a publication
 *        stored before the id existed gets a new one when read)
 */
public record RegistrationRequested(String displayName, String email, String passwordHash, String language, UUID id) {

    public RegistrationRequested {
        id = Objects.requireNonNullElseGet(id, UUID::randomUUID);
    }

    RegistrationRequested(String displayName, String email, String passwordHash, String language) {
        this(displayName, email, passwordHash, language, UUID.randomUUID());
    }
}
