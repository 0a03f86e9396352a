package pl.koordes.shared.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * Where CSRF tokens live. For a signed-in person, in their session: the token is bound to it, and a
 * cookie planted from a sibling subdomain or a plain-HTTP page forges nothing. For an anonymous visitor
 * (who has no session, so that reading an article with a comment form costs no session row, and the
 * public page cache can hand each visitor a token of their own), in an HttpOnly cookie, {@code
 * __Host-}-prefixed over TLS (see {@link Cookies}). Signing in starts a fresh token in the session and
 * clears the cookie.
 */
public final class SessionBoundCsrfTokenRepository implements CsrfTokenRepository {

    /** The base name of the anonymous visitor's token cookie. */
    public static final String COOKIE = "KOORDES_CSRF";

    static final String PARAMETER = "_csrf";
    static final String HEADER = "X-CSRF-TOKEN";

    private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return new DefaultCsrfToken(HEADER, PARAMETER, UUID.randomUUID().toString());
    }

    @Override
    public void saveToken(@Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (token == null) {
            if (request.getSession(false) != null) {
                sessions.saveToken(null, request, response);
            }
            if (Cookies.value(request, COOKIE) != null) {
                response.addHeader(
                        HttpHeaders.SET_COOKIE,
                        Cookies.cookie(request, COOKIE, "").maxAge(0).build().toString());
            }
            return;
        }
        if (signedIn(request)) {
            sessions.saveToken(token, request, response);
        } else {
            response.addHeader(
                    HttpHeaders.SET_COOKIE,
                    Cookies.cookie(request, COOKIE, token.getToken()).build().toString());
        }
    }

    @Override
    public @Nullable CsrfToken loadToken(HttpServletRequest request) {
        if (signedIn(request)) {
            // Never the cookie for a signed-in person: that is the whole point of binding.
            return sessions.loadToken(request);
        }
        String value = Cookies.value(request, COOKIE);
        return value == null || value.isEmpty() ? null : new DefaultCsrfToken(HEADER, PARAMETER, value);
    }

    /** A session that holds a security context: someone signed in (or half-way, second factor pending). */
    private static boolean signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null
                && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null;
    }
}
