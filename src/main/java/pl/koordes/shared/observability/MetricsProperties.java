package pl.koordes.shared.observability;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The metrics settings.
 *
 * @param token the bearer token a scraper sends to read {@code /actuator/prometheus} without a session
 *     ({@code KOORDES_METRICS_TOKEN}); empty: only a signed-in administrator reads it. At least 32 characters.
 * @param refresh how often the gauges of the database-kept queues (mail, event publications) are read again
 */
@ConfigurationProperties("koordes.metrics")
public record MetricsProperties(
        @DefaultValue("") String token, @DefaultValue("15s") Duration refresh) {

    /** The shortest token accepted: a guessable one would open the metrics to anyone who reaches the node. */
    static final int MIN_TOKEN_LENGTH = 32;

    public MetricsProperties {
        token = token.strip();
        if (!token.isEmpty() && token.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("koordes.metrics.token (KOORDES_METRICS_TOKEN) must be at least "
                    + MIN_TOKEN_LENGTH + " characters long, e.g. the output of: openssl rand -base64 32");
        }
        if (refresh.isNegative() || refresh.isZero()) {
            throw new IllegalArgumentException("koordes.metrics.refresh must be positive");
        }
    }

    /** Whether a scraper token is set. */
    public boolean tokenSet() {
        return !token.isEmpty();
    }
}
