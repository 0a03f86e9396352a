package pl.koordes.shared.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;

/**
 * The names and attributes of every cookie the application sets (session, CSRF token, language). Over
 * TLS (directly, or behind a proxy whose {@code X-Forwarded-Proto} the server trusts) each name carries
 * the {@code __Host-} prefix, so the browser accepts it only with {@code Secure}, {@code Path=/} and no
 * {@code Domain}: a sibling subdomain or a plain-HTTP page cannot plant one. A request over TLS reads only
 * the prefixed name, so a planted cookie without the prefix is ignored.
 */
public final class Cookies {

    /** The prefix of cookie names over TLS. */
    public static final String HOST_PREFIX = "__Host-";

    /** The session cookie of Spring Session. */
    public static final String SESSION = "SESSION";

    private Cookies() {}

    /** The name the cookie has on this request: prefixed over TLS. */
    public static String name(HttpServletRequest request, String base) {
        return request.isSecure() ? HOST_PREFIX + base : base;
    }

    /** The value of the cookie under the name this request uses, or null. */
    public static @Nullable String value(HttpServletRequest request, String base) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        String name = name(request, base);
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /** A cookie for the whole site, for this request's scheme: HttpOnly, SameSite=Lax, Secure over TLS. */
    public static ResponseCookie.ResponseCookieBuilder cookie(HttpServletRequest request, String base, String value) {
        return ResponseCookie.from(name(request, base), value)
                .path("/")
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax");
    }

    /** Whether a Set-Cookie header sets the cookie of this base name (with or without the prefix). */
    public static boolean sets(String setCookieHeader, String base) {
        return setCookieHeader.startsWith(base + "=") || setCookieHeader.startsWith(HOST_PREFIX + base + "=");
    }
}
