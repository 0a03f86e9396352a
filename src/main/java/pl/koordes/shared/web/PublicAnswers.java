package pl.koordes.shared.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import pl.koordes.shared.security.Cookies;
import pl.koordes.shared.security.SessionBoundCsrfTokenRepository;

/**
 * Makes a public page ({@link PublicPage}) answered to an anonymous visitor plain HTTP that any cache may keep:
 * {@code Cache-Control: public, max-age=}{@link PublicPageProperties#maxAge()} and {@code Vary: Accept-Encoding,
 * Cookie}. The page carries no per-visitor state (no cookie, no CSRF token: see {@code
 * shared.security.SameOriginRequests}); the language is chosen by a cookie ({@link LanguageResolver}), hence
 * {@code Vary: Cookie}, which also keeps a signed-in person (session cookie) from being given a visitor's copy by
 * a cache that knows nothing of the site. Everything else keeps Spring Security's {@code no-cache, no-store}. The
 * validator ({@code ETag}) and the 304 come from {@link AnonymousPageCache}.
 *
 * <p>Also tells that cache, before the handler writes, that the answer is a public page.
 */
final class PublicAnswers implements HandlerInterceptor {

    static final String VARY = "Accept-Encoding, Cookie";

    private final String cacheControl;

    PublicAnswers(PublicPageProperties properties) {
        this.cacheControl = "public, max-age=" + properties.maxAge().toSeconds();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method
                && (method.hasMethodAnnotation(PublicPage.class)
                        || method.getBeanType().isAnnotationPresent(PublicPage.class))) {
            request.setAttribute(AnonymousPageCache.PUBLIC, Boolean.TRUE);
            // An answer that sets its own caching (feeds, open data) keeps it; one that sets a cookie (?lang=)
            // is the visitor's own.
            if (anonymous(request)
                    && !SessionBoundCsrfTokenRepository.signedIn(request)
                    && response.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()
                    && !HttpEntity.class.isAssignableFrom(method.getReturnType().getParameterType())) {
                response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
                response.setHeader(HttpHeaders.VARY, VARY);
            }
        }
        return true;
    }

    /** No session cookie (under either name) and no credentials: the same answer as for anyone. */
    static boolean anonymous(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return false;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (Cookies.SESSION.equals(cookie.getName())
                        || (Cookies.HOST_PREFIX + Cookies.SESSION).equals(cookie.getName())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@code ?lang=} switches the language and sets its cookie: that answer is the visitor's own. */
    static boolean switchesLanguage(@Nullable String query) {
        if (query == null) {
            return false;
        }
        String prefix = LanguageResolver.PARAMETER + "=";
        return query.startsWith(prefix) || query.contains("&" + prefix);
    }
}
