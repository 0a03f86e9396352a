package pl.koordes.shared.web;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets keyed by what is limited (an e-mail, a client address, a form), so that guessing and flooding slow
 * down without outside services. A limit allows {@code capacity} actions, refilled evenly over its period. The
 * buckets live in PostgreSQL (table {@value #TABLE}), so every application node counts against the same buckets:
 * a limit of five sign-in attempts is five, not five per node. Each take is one {@code insert … on conflict do
 * update} whose row lock makes concurrent takes (on one node or several) wait for each other, so the count is
 * exact; times are the database's, so the nodes' clocks do not matter. A bucket is kept until it would be full
 * again, then deleted; the stored key is a hash, so no e-mail address or client address is kept in the table.
 *
 * <p>Two ways to take: {@link #tryConsume} counts at once, on a connection of its own, whatever happens to the
 * caller's transaction (a failed sign-in counts although its transaction rolls back); {@link #take} takes the
 * tokens of a whole group of actions in the caller's transaction, in one statement, and counts nothing if that
 * transaction rolls back (a group of comment submissions is counted with the comments it stores).
 */
@Component
public class RateLimiter implements DisposableBean {

    /**
     * How much is allowed: {@code capacity} actions, refilled evenly over {@code period}.
     *
     * @param name distinguishes limits that share keys (sign-in, reset, comment…)
     */
    public record Limit(String name, int capacity, Duration period) {

        /** Tokens refilled per second. */
        double perSecond() {
            return capacity / (double) Math.max(1, period.toNanos()) * 1e9;
        }
    }

    static final String TABLE = "shared_rate_limit_bucket";
    /** Expired buckets deleted per clean-up round (each round is one short statement). */
    private static final int CLEAN_UP_BATCH = 1_000;

    /** Connections of the rate limits' own small pool; more would only queue on the same rows. */
    static final int POOL_SIZE = 4;

    /** A stored bucket's tokens now: what was left, refilled for the time since, never above the capacity. */
    private static final String REFILLED = "least(:capacity, b.tokens + greatest(0, extract(epoch from"
            + " (statement_timestamp() - b.updated_at))) * :perSecond)";
    /** When a bucket holding {@code tokens} is full again. */
    private static final String FULL_AT =
            "statement_timestamp() + make_interval(secs => (:capacity - (%s)) / :perSecond)";
    /** How many a take gets from a stored bucket: what it wants (excluded.granted), at most the whole tokens. */
    private static final String GRANTED = "least(excluded.granted, floor(" + REFILLED + "))";
    /** A new bucket starts full; an existing one first refills, then gives what it can, in the order of the keys. */
    private static final String TAKE = """
            insert into shared_rate_limit_bucket as b (id, tokens, granted, updated_at, expires_at)
            select w.id, :capacity - least(w.n, :capacity), least(w.n, :capacity), statement_timestamp(),
                %s
            from unnest(cast(:ids as text[]), cast(:counts as int[])) with ordinality as w(id, n, i)
            order by w.i
            on conflict (id) do update set
                granted = %s,
                tokens = %s - %s,
                updated_at = greatest(b.updated_at, statement_timestamp()),
                expires_at = %s
            returning id, granted""".formatted(
                    FULL_AT.formatted(":capacity - least(w.n, :capacity)"),
                    GRANTED,
                    REFILLED,
                    GRANTED,
                    FULL_AT.formatted(REFILLED + " - " + GRANTED));

    private final JdbcClient transactional;
    private final JdbcClient own;
    private final @Nullable HikariDataSource ownPool;

    /**
     * {@link #tryConsume} and the others count on connections outside the caller's transaction. Taken from the
     * application's pool, a flood of (failed) sign-ins, each already holding a connection for its transaction,
     * could wait for a second one until the pool is exhausted; so they get a small pool of their own with the
     * application's database settings. {@link #take} uses the caller's transaction.
     */
    public RateLimiter(DataSource dataSource) {
        this.ownPool = ownPool(dataSource);
        this.transactional = JdbcClient.create(dataSource);
        this.own = ownPool != null ? JdbcClient.create(ownPool) : transactional;
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
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }

    @Override
    public void destroy() {
        if (ownPool != null) {
            ownPool.close();
        }
    }

    /** Takes one token, counted at once whatever becomes of the caller's transaction; false when exhausted. */
    public boolean tryConsume(Limit limit, String key) {
        return take(own, limit, Map.of(key, 1)).getOrDefault(key, 0) == 1;
    }

    /**
     * Takes the tokens of a group of actions in the caller's transaction, in one statement: {@code wanted} counts the
     * actions per key; returns per key how many of them may go (the first ones), at most as many as its bucket holds.
     * Nothing is counted if the transaction rolls back; until it ends, other takes of the same keys (on any node)
     * wait for it, so the count is exact. Keys are locked in one order, so two groups never deadlock on them.
     */
    public Map<String, Integer> take(Limit limit, Map<String, Integer> wanted) {
        return take(transactional, limit, wanted);
    }

    private static Map<String, Integer> take(JdbcClient jdbc, Limit limit, Map<String, Integer> wanted) {
        if (wanted.isEmpty()) {
            return Map.of();
        }
        Map<String, String> keyOf = new HashMap<>();
        Map<String, Integer> byId = new TreeMap<>();
        wanted.forEach((key, count) -> {
            if (count > 0) {
                String id = id(limit, key);
                keyOf.put(id, key);
                byId.merge(id, count, Integer::sum);
            }
        });
        if (byId.isEmpty()) {
            return Map.of();
        }
        StringJoiner counts = new StringJoiner(",", "{", "}");
        byId.values().forEach(n -> counts.add(String.valueOf(n)));
        Map<String, Integer> granted = new HashMap<>();
        jdbc.sql(TAKE)
                .param("capacity", limit.capacity())
                .param("perSecond", limit.perSecond())
                .param("ids", "{" + String.join(",", byId.keySet()) + "}")
                .param("counts", counts.toString())
                .query((rs, row) -> granted.put(keyOf.get(rs.getString(1)), rs.getInt(2)))
                .list();
        return granted;
    }

    /**
     * Gives back a token taken by {@link #tryConsume} for an action that turned out not to count (a form refused),
     * never above the limit's capacity. Taking first and giving back the rare exception costs one bucket operation
     * where asking first and taking afterwards costs two, and two parallel requests cannot both pass on the last token.
     */
    public void giveBack(Limit limit, String key) {
        String tokens = "least(:capacity, " + REFILLED + " + 1)";
        own.sql("update shared_rate_limit_bucket as b set tokens = " + tokens
                        + ", updated_at = greatest(b.updated_at, statement_timestamp()), expires_at = "
                        + FULL_AT.formatted(tokens) + " where id = :id")
                .param("capacity", limit.capacity())
                .param("perSecond", limit.perSecond())
                .param("id", id(limit, key))
                .update();
    }

    /** Whether at least one action is still allowed, without using it. */
    public boolean allows(Limit limit, String key) {
        List<Boolean> stored = own.sql("select " + REFILLED + " >= 1 from shared_rate_limit_bucket as b where id = :id")
                .param("capacity", limit.capacity())
                .param("perSecond", limit.perSecond())
                .param("id", id(limit, key))
                .query(Boolean.class)
                .list();
        return stored.isEmpty() || stored.getFirst();
    }

    /** Forgets the key's history, e.g. after a successful sign-in. */
    public void reset(Limit limit, String key) {
        own.sql("delete from shared_rate_limit_bucket where id = :id")
                .param("id", id(limit, key))
                .update();
    }

    /**
     * Deletes buckets that have refilled (a missing bucket is a full one); any node may do it. The condition is
     * checked again on the row itself, so a bucket taken from meanwhile stays.
     */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void removeRefilledBuckets() {
        while (own.sql("""
                        delete from shared_rate_limit_bucket
                        where expires_at <= statement_timestamp() and id in (
                            select id from shared_rate_limit_bucket where expires_at <= statement_timestamp()
                            limit :batch)""").param("batch", CLEAN_UP_BATCH).update() >= CLEAN_UP_BATCH) {
            // A full batch: there may be more.
        }
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
