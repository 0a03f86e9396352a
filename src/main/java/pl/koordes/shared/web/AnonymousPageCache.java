package pl.koordes.shared.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.DeferredCsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import pl.koordes.shared.security.Cookies;
import pl.koordes.shared.security.SessionBoundCsrfTokenRepository;

/**
 * Gives anonymous visitors a public page ({@link PublicPage}) rendered for an earlier visitor a moment
 * ago, instead of reading the database and rendering it again: an article read by thousands costs one
 * rendering every few seconds. It runs before the session and security filters, so a cached page
 * costs neither; the headers (security headers included) are the ones the full rendering produced.
 *
 * <p>The only per-visitor part of such a page is the CSRF token of its forms. The cache keeps the page
 * cut at the token, and every visitor gets a token of their own, from the same cookie repository and
 * masked by the same handler as the security filter chain does it, so forms on a cached page are
 * accepted exactly like forms on a fresh one.
 *
 * <p>The page is also kept compressed, so a cached page costs no compression either: how the visitor's
 * token goes into the compressed page is {@link StitchedBody}'s part.
 *
 * <p>Only GET requests without a session cookie are served from the cache; a changing request that
 * succeeds on this node empties it (an editor's change, a moderation decision, a registration), and
 * entries expire after {@link PageCacheProperties#ttl()}, which bounds how long a change made on
 * another node or by a scheduled job stays unseen. Signed-in people always get a fresh page.
 */
public class AnonymousPageCache extends OncePerRequestFilter {

    /** Request attribute: the handler is a {@link PublicPage}; set before it writes anything. */
    static final String PUBLIC = AnonymousPageCache.class.getName() + ".PUBLIC";

    /** Per-response headers that the servlet container or the token logic sets anew. */
    private static final Set<String> NOT_REPLAYED = Set.of(
            "set-cookie",
            "date",
            "content-length",
            "transfer-encoding",
            "connection",
            "keep-alive",
            "content-encoding",
            // Each request's own (shared.observability.RequestIdFilter).
            "x-request-id");

    /** Secure apart: headers differ over TLS (Strict-Transport-Security). */
    private record Key(
            String language,
            boolean secure,
            String uri,
            @Nullable String query) {}

    /** Below this size compression is not worth it (the same threshold as server.compression). */
    private static final int COMPRESS_FROM = 1024;

    /** A cached page: the headers to replay and the body cut at the CSRF token. */
    private record Entry(List<String[]> headers, StitchedBody body) {

        int weight() {
            return body.size() + 256 * headers.size() + 128;
        }
    }

    private final Cache<Key, Entry> pages;
    private final CsrfTokenRepository tokens;
    private final CsrfTokenRequestHandler masking = new XorCsrfTokenRequestAttributeHandler();

    public AnonymousPageCache(PageCacheProperties properties, CsrfTokenRepository tokens) {
        this.tokens = tokens;
        this.pages = Caffeine.newBuilder()
                .maximumWeight(properties.maxSize().toBytes())
                .weigher((Key key, Entry entry) -> entry.weight())
                .expireAfterWrite(properties.ttl())
                .recordStats()
                .build();
    }

    Cache<?, ?> cache() {
        return pages;
    }

    /** Forgets every cached page (this node only). */
    public void clear() {
        pages.invalidateAll();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if (!"GET".equals(method)) {
            chain.doFilter(request, response);
            if (!"HEAD".equals(method) && !"OPTIONS".equals(method) && response.getStatus() < 400) {
                // Whatever it changed may be on a cached page; the next visitors see it at once.
                pages.invalidateAll();
            }
            return;
        }
        String query = request.getQueryString();
        if (!anonymous(request) || switchesLanguage(query)) {
            chain.doFilter(request, response);
            return;
        }
        // No request parameter is read here: a malformed query must reach the security filters and
        // the error page exactly as without the cache (a 400 with every security header).
        Key key = new Key(
                LanguageResolver.fromCookie(request).code(), request.isSecure(), request.getRequestURI(), query);
        Entry cached = pages.getIfPresent(key);
        if (cached != null) {
            serve(cached, request, response);
            return;
        }
        PublicPageCapture capture = new PublicPageCapture(request, response);
        try {
            chain.doFilter(request, capture);
        } finally {
            capture.flushCaptured();
        }
        byte[] body = capture.body();
        if (body != null && response.getStatus() == HttpServletResponse.SC_OK && onlyTokenCookie(response)) {
            pages.put(key, entry(response, body, tokenOf(request)));
        }
        if (body != null) {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    private void serve(Entry entry, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        for (String[] header : entry.headers()) {
            response.addHeader(header[0], header[1]);
        }
        StitchedBody body = entry.body();
        byte[] token = body.hasGaps() ? visitorToken(request, response) : new byte[0];
        ServletOutputStream out = response.getOutputStream();
        if (body.compressed() && acceptsGzip(request)) {
            // The answer is already encoded: the connector's own compression leaves it alone.
            response.setHeader("Content-Encoding", "gzip");
            response.addHeader("Vary", "Accept-Encoding");
            response.setContentLength(body.gzipLength(token.length));
            body.writeGzip(token, out);
            return;
        }
        response.setContentLength(body.plainLength(token.length));
        body.writePlain(token, out);
    }

    /** The visitor's own token: from their cookie, or a new one with its cookie, masked anew. */
    private byte[] visitorToken(HttpServletRequest request, HttpServletResponse response) {
        DeferredCsrfToken deferred = tokens.loadDeferredToken(request, response);
        masking.handle(request, response, deferred::get);
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return csrf.getToken().getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean acceptsGzip(HttpServletRequest request) {
        String accepted = request.getHeader("Accept-Encoding");
        if (accepted == null) {
            return false;
        }
        for (String coding : accepted.split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equalsIgnoreCase("gzip")) {
                return !(parts.length > 1 && parts[1].replace(" ", "").matches("q=0(\\.0*)?"));
            }
        }
        return false;
    }

    private static boolean compressible(HttpServletResponse response, int length) {
        String type = response.getContentType();
        return length >= COMPRESS_FROM
                && response.getHeader("Content-Encoding") == null
                && type != null
                && (type.startsWith("text/")
                        || type.startsWith("application/xml")
                        || type.startsWith("application/rss+xml")
                        || type.startsWith("application/atom+xml")
                        || type.startsWith("image/svg+xml"));
    }

    private static Entry entry(HttpServletResponse response, byte[] body, @Nullable String token) {
        List<String[]> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            if (!NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT))) {
                for (String value : response.getHeaders(name)) {
                    headers.add(new String[] {name, value});
                }
            }
        }
        StitchedBody cut = StitchedBody.cut(body, token == null ? null : token.getBytes(StandardCharsets.US_ASCII));
        // Worth compressing or not is decided on the length of the body without its tokens.
        return new Entry(List.copyOf(headers), compressible(response, cut.plainLength(0)) ? cut.compress() : cut);
    }

    /** The masked token this rendering put in its forms, if it loaded one. */
    private static @Nullable String tokenOf(HttpServletRequest request) {
        return request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf ? csrf.getToken() : null;
    }

    /** A session (or the language switch) set by this answer would make it someone's own: not cached. */
    private static boolean onlyTokenCookie(HttpServletResponse response) {
        for (String cookie : response.getHeaders("Set-Cookie")) {
            if (!Cookies.sets(cookie, SessionBoundCsrfTokenRepository.COOKIE)) {
                return false;
            }
        }
        return true;
    }

    /** {@code ?lang=} switches the language and sets its cookie: that answer is the visitor's own. */
    private static boolean switchesLanguage(@Nullable String query) {
        if (query == null) {
            return false;
        }
        String prefix = LanguageResolver.PARAMETER + "=";
        return query.startsWith(prefix) || query.contains("&" + prefix);
    }

    private static boolean anonymous(HttpServletRequest request) {
        if (request.getHeader("Authorization") != null) {
            return false;
        }
        // Either name: a signed-in visitor is never served the anonymous page, whichever scheme the cookie came by.
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
}
