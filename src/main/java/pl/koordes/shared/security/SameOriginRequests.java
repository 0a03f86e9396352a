package pl.koordes.shared.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a state-changing request that a browser says came from another site: the protection of every
 * anonymous form (comments, registration for an event, signing in, password reset, self-registration,
 * surveys), whose pages carry no CSRF token so that any HTTP cache may keep them, and a second wall for
 * signed-in people, whose forms still carry the session-bound token ({@link SessionBoundCsrfTokenRepository}).
 *
 * <p>The rule, for every method but GET, HEAD, OPTIONS and TRACE:
 *
 * <ol>
 *   <li>{@code Sec-Fetch-Site} present (every current browser sends it over HTTPS and to localhost): only
 *       {@code same-origin} and {@code none} (typed, bookmarked) pass; {@code same-site} (a sibling subdomain)
 *       and {@code cross-site} are refused.
 *   <li>Otherwise {@code Origin} present (every browser sends it with a POST): it must be this request's own
 *       origin (scheme, host and port as the server sees them, forwarded headers included where trusted) or
 *       the site's public address; {@code null} is refused.
 *   <li>Neither header: not a browser's form (browsers send at least {@code Origin} with every POST), so no
 *       visitor's browser can have been made to send it; it passes to the usual checks. A signed-in request
 *       still needs its token.
 * </ol>
 *
 * Refused requests get 403 before any handler runs. The {@link CsrfExemption} addresses (sent by mail
 * clients, secured by a signed token in the path) are not checked.
 */
public final class SameOriginRequests extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Supplier<String> publicAddress;
    private final RequestMatcher exempt;

    /**
     * @param publicAddress the site's public address ({@code https://koordes.example.pl}), read per request
     * @param exempt requests that are never checked
     */
    public SameOriginRequests(Supplier<String> publicAddress, RequestMatcher exempt) {
        this.publicAddress = publicAddress;
        this.exempt = exempt;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE.contains(request.getMethod()) || exempt.matches(request) || sameOrigin(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }

    /** Whether the request may change something as far as its browser's headers tell (see the class). */
    boolean sameOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            String value = site.trim().toLowerCase(Locale.ROOT);
            return value.equals("same-origin") || value.equals("none");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String normalised = normalise(origin);
        return normalised != null
                && (normalised.equals(ownOrigin(request)) || normalised.equals(normalise(publicAddress.get())));
    }

    private static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        int port = request.getServerPort();
        return scheme + "://" + request.getServerName().toLowerCase(Locale.ROOT) + ":"
                + (port > 0 ? port : defaultPort(scheme));
    }

    /** {@code scheme://host:port} with the port always written, or null for {@code null} and anything malformed. */
    private static @Nullable String normalise(String address) {
        try {
            URI uri = new URI(address.trim());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null) {
                return null;
            }
            String lower = scheme.toLowerCase(Locale.ROOT);
            int port = uri.getPort() > 0 ? uri.getPort() : defaultPort(lower);
            return lower + "://" + host.toLowerCase(Locale.ROOT) + ":" + port;
        } catch (URISyntaxException malformed) {
            return null;
        }
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }
}
