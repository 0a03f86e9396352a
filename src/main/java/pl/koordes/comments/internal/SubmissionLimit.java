package pl.koordes.comments.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The per-address limit of comment submissions ({@code koordes.comments.per-address-limit} per
 * {@code per-address-period}): a token bucket per client address in PostgreSQL ({@code comments_address_bucket}),
 * so that every node counts against the same buckets, refilled evenly over the period as the shared rate limiter's
 * buckets are. Unlike those, it is counted in the caller's transaction, the one that stores the comments: one
 * statement takes the tokens of a whole group of submissions, and nothing is counted if the group is rolled back.
 * The row lock on each bucket makes concurrent groups (on one node or several) wait for each other, so the count is
 * exact. A bucket's key is a keyed hash of the address ({@link CommentSecret#hash}): no address is stored.
 */
@Repository
class SubmissionLimit {

    private final JdbcClient jdbc;
    private final CommentSecret secret;
    private final CommentsProperties properties;
    private final Clock clock;

    SubmissionLimit(JdbcClient jdbc, CommentSecret secret, CommentsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.secret = secret;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Takes one token per submission, in the caller's transaction: {@code wanted} counts the submissions per client
     * address; returns how many of each address's submissions may go (the first ones, in order), at most as many as
     * its bucket holds.
     */
    Map<String, Integer> take(Map<String, Integer> wanted) {
        if (wanted.isEmpty()) {
            return Map.of();
        }
        // Buckets locked in the order of their keys: two groups with the same addresses wait, never deadlock.
        Map<String, String> addressOf = new HashMap<>();
        Map<String, Integer> byKey = new TreeMap<>();
        wanted.forEach((address, count) -> {
            String key = secret.hash("comment-limit|" + address);
            addressOf.put(key, address);
            byKey.merge(key, count, Integer::sum);
        });
        int capacity = properties.perAddressLimit();
        double perSecond =
                capacity / (double) Math.max(1, properties.perAddressPeriod().toMillis()) * 1000;
        Instant now = clock.instant();
        Map<String, Integer> granted = new HashMap<>();
        // A new bucket starts full; an existing one first refills for the time since its last write, up to capacity.
        jdbc.sql("""
                insert into comments_address_bucket as b (key, tokens, granted, updated_at)
                select w.key, :capacity - least(w.n, :capacity), least(w.n, :capacity), :now
                from unnest(cast(:keys as text[]), cast(:counts as int[])) with ordinality as w(key, n, i)
                order by w.i
                on conflict (key) do update set
                    granted = least(excluded.granted, floor(least(:capacity,
                        b.tokens + greatest(0, extract(epoch from (excluded.updated_at - b.updated_at))) * :perSecond))),
                    tokens = least(:capacity,
                        b.tokens + greatest(0, extract(epoch from (excluded.updated_at - b.updated_at))) * :perSecond)
                        - least(excluded.granted, floor(least(:capacity,
                        b.tokens + greatest(0, extract(epoch from (excluded.updated_at - b.updated_at))) * :perSecond))),
                    updated_at = greatest(b.updated_at, excluded.updated_at)
                returning key, granted""")
                .param("capacity", capacity)
                .param("perSecond", perSecond)
                .param("now", Timestamp.from(now))
                .param("keys", CommentStore.arrayLiteral(List.copyOf(byKey.keySet())))
                .param(
                        "counts",
                        "{"
                                + String.join(
                                        ",",
                                        byKey.values().stream()
                                                .map(String::valueOf)
                                                .toList()) + "}")
                .query((rs, row) -> granted.put(addressOf.get(rs.getString(1)), rs.getInt(2)))
                .list();
        return granted;
    }

    /** Deletes buckets that have refilled completely (they say nothing any more); any node may do it. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
    void removeFullBuckets() {
        jdbc.sql("delete from comments_address_bucket where updated_at < :full")
                .param("full", Timestamp.from(clock.instant().minus(properties.perAddressPeriod())))
                .update();
    }
}
