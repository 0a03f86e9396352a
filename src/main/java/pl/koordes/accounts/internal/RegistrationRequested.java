package pl.koordes.accounts.internal;

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
 */
public record RegistrationRequested(String displayName, String email, String passwordHash, String language) {}
