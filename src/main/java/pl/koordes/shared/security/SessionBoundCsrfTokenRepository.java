package pl.koordes.shared.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * Where CSRF tokens live: only in the session of someone signed in (or half-way, second factor pending). The
 * token is bound to that session, so a cookie planted from a sibling subdomain or a plain-HTTP page forges
 * nothing.
 *
 * <p>An anonymous visitor has no token at all: a public page carries no per-visitor state (no cookie, no token
 * in its forms), so any HTTP cache may keep it. Their forms are protected by where they come from instead
 * ({@link SameOriginRequests}): the CSRF filter asks for a token only from {@link #signedIn signed-in} people.
 * Signing in starts a fresh token in the session.
 */
public final class SessionBoundCsrfTokenRepository implements CsrfTokenRepository {

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
            return;
        }
        if (signedIn(request)) {
            sessions.saveToken(token, request, response);
        }
        // An anonymous visitor's token is kept nowhere: nothing asks for one.
    }

    @Override
    public @Nullable CsrfToken loadToken(HttpServletRequest request) {
        return signedIn(request) ? sessions.loadToken(request) : null;
    }

    /**
     * A session that holds a security context: someone signed in (or half-way, second factor pending). Only
     * their requests carry, and are asked for, a CSRF token.
     */
    public static boolean signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null
                && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null;
    }
}
