package pl.koordes.shared.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the {@code X-Request-Id} the trusted reverse proxy sent (nginx's
 * {@code $request_id}), else a new one. It is in the logging context ({@code requestId}: in each plain-text line,
 * a field of each JSON line) while the request runs, in the listeners it publishes events to (see
 * {@link RequestIdTaskDecorator}) and in the answer's {@code X-Request-Id} header, so one request is followed
 * through the proxy's log and every node's. A header from anyone else — a client reaching the node directly — is
 * ignored, as is one that is not 1–64 letters, digits, dots, dashes, underscores or colons (nothing can be
 * injected into a log line).
 *
 * <p>Trusted: the request came through a proxy Tomcat believes ({@code server.forward-headers-strategy=native},
 * see "Behind a reverse proxy" in docs/operations.md), or straight from the loopback interface.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

    /** The header, read from the proxy and written in every answer. */
    public static final String HEADER = "X-Request-Id";

    /** The key in the logging context (SLF4J's MDC). */
    public static final String MDC_KEY = "requestId";

    /** Set by Tomcat's RemoteIpValve on a request that came through a trusted proxy. */
    private static final String FORWARDED = "org.apache.tomcat.request.forwarded";

    private static final String ATTRIBUTE = RequestIdFilter.class.getName();
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = request.getAttribute(ATTRIBUTE) instanceof String known ? known : id(request);
        request.setAttribute(ATTRIBUTE, id);
        if (!response.isCommitted()) {
            response.setHeader(HEADER, id);
        }
        String outer = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (outer == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, outer);
            }
        }
    }

    /** The error page of a failed request logs under the request's id too. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private static String id(HttpServletRequest request) {
        String sent = request.getHeader(HEADER);
        if (sent != null && ACCEPTED.matcher(sent).matches() && trusted(request)) {
            return sent;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong());
    }

    private static boolean trusted(HttpServletRequest request) {
        if (Boolean.TRUE.equals(request.getAttribute(FORWARDED))) {
            return true;
        }
        try {
            return InetAddress.ofLiteral(request.getRemoteAddr()).isLoopbackAddress();
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }
}
