package pl.koordes.opendata.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import pl.koordes.opendata.internal.ApiJson;
import pl.koordes.opendata.internal.ApiProperties;
import pl.koordes.shared.web.SecurityHeaders;

/**
 * Runs first for every request under {@code /api/}: the per-client rate limit ({@code 429} with
 * {@code Retry-After}), and every error that something before or beside the controller answers with
 * {@code sendError} (a control character in the address, the firewall, an unsupported method) written as
 * the same RFC 9457 problem as the controller's, never the site's HTML error page.
 *
 * <p>The limit is kept in this node's memory (Bucket4j, the library of {@code shared.web.RateLimiter},
 * without its PostgreSQL store): a request to the API must be answerable without the database, and a
 * fair-use limit that is per node is still a limit, where the sign-in limits must be exact across nodes.
 */
class OpenDataFilter extends OncePerRequestFilter {

    private final Cache<String, Bucket> buckets;
    private final int perMinute;
    private final KeptAnswers kept;

    OpenDataFilter(ApiProperties properties, KeptAnswers kept) {
        this.perMinute = properties.requestsPerMinute();
        this.kept = kept;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(Duration.ofMinutes(2))
                .build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Bucket bucket = buckets.get(
                request.getRemoteAddr(),
                address -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(perMinute)
                                .refillGreedy(perMinute, Duration.ofMinutes(1))
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
            response.setHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, HttpHeaders.RETRY_AFTER);
            problem(response, 429, ApiJson.detailOf(429), null, request);
            return;
        }
        if (kept.serve(request, response)) {
            return;
        }
        chain.doFilter(request, new ProblemOnError(response, request));
        kept.remember(request, response);
    }

    /** Writes a problem with the security headers; a HEAD request gets the headers only. */
    static void problem(
            HttpServletResponse response,
            int status,
            String detail,
            @Nullable String parameter,
            HttpServletRequest request)
            throws IOException {
        byte[] body = ApiJson.problem(status, detail, parameter, request.getRequestURI());
        SecurityHeaders.ALL.forEach(response::setHeader);
        response.setHeader("Content-Security-Policy", OpenDataSecurity.CONTENT_SECURITY_POLICY);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(OpenDataSecurity.PREFIX);
    }

    /** Turns {@code sendError} into a problem body. */
    private static final class ProblemOnError extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        ProblemOnError(HttpServletResponse response, HttpServletRequest request) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, @Nullable String message) throws IOException {
            if (isCommitted()) {
                super.sendError(status, message);
                return;
            }
            resetBuffer();
            problem((HttpServletResponse) getResponse(), status, ApiJson.detailOf(status), null, request);
        }
    }
}
