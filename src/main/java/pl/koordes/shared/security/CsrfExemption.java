package pl.koordes.shared.security;

/**
 * A POST address that is sent by a machine without the site's forms and so without their CSRF token (a mail
 * client's RFC 8058 one-click unsubscribe), declared as a bean by the module that owns the address. Only such an
 * address whose own path already carries a secret (a signed token) may be exempt: a forged request then needs that
 * secret, which is what the CSRF token would have proved. The accounts module's security configuration exempts
 * exactly these patterns, for POST only.
 *
 * @param pattern a path pattern ({@code /wypisz/*})
 * @param reason why it is exempt, for the reader of the configuration
 */
public record CsrfExemption(String pattern, String reason) {}
