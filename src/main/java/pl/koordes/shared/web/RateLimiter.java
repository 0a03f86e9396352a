package pl.koordes.shared.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Token buckets keyed by what is limited (an e-mail, a client address, a form), so that guessing
 * and flooding slow down without outside services. Buckets live in memory for a while after last use.
 */
@Component
public class RateLimiter {

    /**
     * How much is allowed: {@code capacity} actions, refilled evenly over {@code period}.
     *
     * @param name distinguishes limits that share keys (sign-in, reset, comment…)
     */
    public record Limit(String name, int capacity, Duration period) {
    }

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(2))
            .maximumSize(200_000)
            .build();

    /** Takes one token; false when the limit is exhausted. */
    public boolean tryConsume(Limit limit, String key) {
        return bucket(limit, key).tryConsume(1);
    }

    /** Whether at least one action is still allowed, without using it. */
    public boolean allows(Limit limit, String key) {
        return bucket(limit, key).getAvailableTokens() > 0;
    }

    /** Forgets the key's history, e.g. after a successful sign-in. */
    public void reset(Limit limit, String key) {
        buckets.invalidate(limit.name() + '|' + key);
    }

    private Bucket bucket(Limit limit, String key) {
        return buckets.get(limit.name() + '|' + key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build())
                .build());
    }
}
