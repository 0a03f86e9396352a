package pl.koordes.shared.web;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLadvisoryLockBasedProxyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets keyed by what is limited (an e-mail, a client address, a form), so that guessing
 * and flooding slow down without outside services. The buckets live in PostgreSQL (Bucket4j's
 * advisory-lock based store), so every application node counts against the same buckets: a limit of
 * five sign-in attempts is five, not five per node. A bucket is kept until it would be full again,
 * then deleted; the stored key is a hash, so no e-mail address or client address is kept in the table.
 */
@Component
public class RateLimiter implements DisposableBean {

    /**
     * How much is allowed: {@code capacity} actions, refilled evenly over {@code period}.
     *
     * @param name distinguishes limits that share keys (sign-in, reset, comment…)
     */
    public record Limit(String name, int capacity, Duration period) {}

    static final String TABLE = "shared_rate_limit_bucket";
    /** Expired buckets deleted per clean-up round (each round is one short statement). */
    private static final int CLEAN_UP_BATCH = 1_000;

    /** Connections of the rate limits' own small pool; more would only queue on the same advisory locks. */
    static final int POOL_SIZE = 4;

    private final PostgreSQLadvisoryLockBasedProxyManager<String> buckets;
    private final @Nullable HikariDataSource ownPool;

    /**
     * Bucket4j runs each bucket operation on a connection of its own, outside the caller's transaction.
     * Taken from the application's pool, a flood of (failed) sign-ins, each already holding a connection
     * for its transaction, could wait for a second one until the pool is exhausted; so the buckets get a
     * small pool of their own with the application's database settings.
     */
    public RateLimiter(DataSource dataSource) {
        this.ownPool = ownPool(dataSource);
        this.buckets = Bucket4jPostgreSQL.advisoryLockBasedBuilder(ownPool != null ? ownPool : dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                // A bucket that has refilled completely says nothing any more: it may go.
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
    }

    private static @Nullable HikariDataSource ownPool(DataSource dataSource) {
        if (!(dataSource instanceof HikariDataSource application)) {
            return null;
        }
        HikariConfig config = new HikariConfig();
        application.copyStateTo(config);
        config.setPoolName("rate-limits");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(0);
        return new HikariDataSource(config);
    }

    @Override
    public void destroy() {
        if (ownPool != null) {
            ownPool.close();
        }
    }

    /** Takes one token; false when the limit is exhausted. */
    public boolean tryConsume(Limit limit, String key) {
        return bucket(limit, key).tryConsume(1);
    }

    /**
     * Gives back a token taken by {@link #tryConsume} for an action that turned out not to count (a form refused),
     * never above the limit's capacity. Taking first and giving back the rare exception costs one bucket operation
     * where asking first and taking afterwards costs two, and two parallel requests cannot both pass on the last token.
     */
    public void giveBack(Limit limit, String key) {
        bucket(limit, key).addTokens(1);
    }

    /** Whether at least one action is still allowed, without using it. */
    public boolean allows(Limit limit, String key) {
        return bucket(limit, key).getAvailableTokens() > 0;
    }

    /** Forgets the key's history, e.g. after a successful sign-in. */
    public void reset(Limit limit, String key) {
        buckets.removeProxy(id(limit, key));
    }

    /** Deletes buckets that have refilled; any node may do it, each bucket is deleted under its own lock. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void removeRefilledBuckets() {
        while (buckets.removeExpired(CLEAN_UP_BATCH) >= CLEAN_UP_BATCH) {
            // A full batch: there may be more.
        }
    }

    private BucketProxy bucket(Limit limit, String key) {
        return buckets.getProxy(
                id(limit, key),
                () -> BucketConfiguration.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(limit.capacity())
                                .refillGreedy(limit.capacity(), limit.period())
                                .build())
                        .build());
    }

    /** The stored key: a SHA-256 of the limit and the key, fixed in length and free of personal data. */
    static String id(Limit limit, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((limit.name() + '|' + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
