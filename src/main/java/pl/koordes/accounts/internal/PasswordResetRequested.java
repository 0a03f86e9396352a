package pl.koordes.accounts.internal;

/**
 * Someone asked for a password reset link for {@code email}. Published in the request's transaction and
 * handled after it by {@link PasswordReset#on(PasswordResetRequested)}, so that the answer costs the same
 * whether an account has the address or not.
 */
public record PasswordResetRequested(String email) {}
