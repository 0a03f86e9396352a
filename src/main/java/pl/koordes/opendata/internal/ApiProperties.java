package pl.koordes.opendata.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The open-data API's settings ({@code koordes.api.*}).
 *
 * @param maxAge what {@code Cache-Control: public, max-age} tells browsers and shared caches
 * @param freshFor how long this node answers from its memory (and validates {@code If-None-Match}
 *        there) before reading the data again: the longest a change made on another node or by a
 *        scheduled job stays unseen; a change audited on this node empties the memory at once
 * @param cachedAnswers the most answers kept in memory
 * @param requestsPerMinute requests one client address may make a minute (on one node)
 */
@ConfigurationProperties("koordes.api")
public record ApiProperties(
        @DefaultValue("60s") Duration maxAge,
        @DefaultValue("10s") Duration freshFor,
        @DefaultValue("2000") int cachedAnswers,
        @DefaultValue("300") int requestsPerMinute) {}
