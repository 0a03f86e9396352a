package pl.koordes.shared.observability;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Who may read {@code /actuator/prometheus}: a scraper sending {@code Authorization: Bearer <koordes.metrics.token>}
 * (compared in constant time; no session is made for it), or a signed-in administrator. Anyone else gets a
 * plain 401. Without a token set, only administrators.
 */
@Component
public class MetricsScrapeAccess implements AuthorizationManager<RequestAuthorizationContext> {

    private static final String BEARER = "Bearer ";

    private final byte[] token;
    private final AuthorizationManager<RequestAuthorizationContext> administrators =
            AuthorityAuthorizationManager.hasRole("ADMINISTRATOR");

    MetricsScrapeAccess(MetricsProperties properties) {
        this.token = properties.token().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public @Nullable AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        if (scraper(context.getRequest())) {
            return new AuthorizationDecision(true);
        }
        return administrators.authorize(authentication, context);
    }

    private boolean scraper(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (token.length == 0 || header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] sent = header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(sent, token);
    }
}
