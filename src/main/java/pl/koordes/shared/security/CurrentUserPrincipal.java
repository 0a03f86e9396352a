package pl.koordes.shared.security;

/**
 * Implemented by the accounts module's principal, so that every module reaches the signed-in person
 * through {@link CurrentUsers} without depending on how signing in works.
 */
public interface CurrentUserPrincipal {

    CurrentUser user();
}
