package pl.koordes.shared.web;

import java.util.Map;

/**
 * The security headers every answer carries. Spring Security writes them on everything that reaches
 * the application ({@code accounts.internal.SecurityConfiguration}); {@link ServerErrorPages} writes
 * the same on what the server refuses before the application sees it.
 */
public final class SecurityHeaders {

    /** No inline scripts or styles, nothing from elsewhere, no framing. */
    public static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    public static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=()";

    /** Every header and its value, as sent on an error page the server writes itself. */
    public static final Map<String, String> ALL = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Frame-Options", "DENY",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "strict-origin-when-cross-origin",
            "Permissions-Policy", PERMISSIONS_POLICY,
            "Cross-Origin-Opener-Policy", "same-origin",
            "Cache-Control", "no-store");

    private SecurityHeaders() {}
}
