package pl.koordes.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.support.IntegrationTest;

/**
 * Two application nodes share their rate limits: two RateLimiter instances on one database stand for
 * two nodes, and a limit of five is five in total, taken in turns or all at once.
 */
@IntegrationTest
class RateLimiterIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    /** Each limiter stands for a node with its own connection pool, closed after the test. */
    final Limiters limiters = new Limiters();

    @AfterEach
    void closeLimiters() {
        limiters.closeAll();
    }

    static final class Limiters {
        private final List<RateLimiter> made = new ArrayList<>();

        RateLimiter add(RateLimiter limiter) {
            made.add(limiter);
            return limiter;
        }

        void closeAll() {
            made.forEach(RateLimiter::destroy);
            made.clear();
        }
    }

    @Test
    void twoNodesCountAgainstOneBucketAndAResetOnOneIsSeenByTheOther() {
        RateLimiter one = limiters.add(new RateLimiter(dataSource));
        RateLimiter two = limiters.add(new RateLimiter(dataSource));
        RateLimiter.Limit limit = new RateLimiter.Limit("test-" + UUID.randomUUID(), 5, Duration.ofHours(1));
        String key = "zofia.lis@test.koordes.example";

        for (int i = 0; i < 5; i++) {
            assertThat((i % 2 == 0 ? one : two).tryConsume(limit, key))
                    .as("attempt %d", i + 1)
                    .isTrue();
        }
        assertThat(one.tryConsume(limit, key)).isFalse();
        assertThat(two.tryConsume(limit, key)).isFalse();
        assertThat(one.allows(limit, key)).isFalse();
        assertThat(two.allows(limit, key)).isFalse();
        // Another key and another limit with the same key are not touched.
        assertThat(two.tryConsume(limit, "jan.kos@test.koordes.example")).isTrue();
        assertThat(one.tryConsume(new RateLimiter.Limit(limit.name() + "-other", 1, Duration.ofHours(1)), key))
                .isTrue();

        one.reset(limit, key);
        assertThat(two.allows(limit, key)).isTrue();
        assertThat(two.tryConsume(limit, key)).isTrue();

        // Stored under a hash: no e-mail address in the table.
        assertThat(jdbc.sql("select count(*) from shared_rate_limit_bucket where id = :id")
                        .param("id", RateLimiter.id(limit, key))
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(jdbc.sql("select count(*) from shared_rate_limit_bucket where id like '%@%' or length(id) <> 64")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void bucketsThatHaveRefilledAreDeletedAndStartFullAgain() {
        RateLimiter node = limiters.add(new RateLimiter(dataSource));
        RateLimiter.Limit limit = new RateLimiter.Limit("test-" + UUID.randomUUID(), 1, Duration.ofHours(1));
        assertThat(node.tryConsume(limit, "gone")).isTrue();
        assertThat(node.tryConsume(limit, "kept")).isTrue();
        String gone = RateLimiter.id(limit, "gone");
        // As if the hour had passed for one of them: its bucket is full again and says nothing any more.
        jdbc.sql("update shared_rate_limit_bucket set expires_at = now() - interval '1 second' where id = :id")
                .param("id", gone)
                .update();
        node.removeRefilledBuckets();
        assertThat(jdbc.sql("select count(*) from shared_rate_limit_bucket where id = :id")
                        .param("id", gone)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(node.allows(limit, "gone")).isTrue();
        assertThat(node.allows(limit, "kept"))
                .as("a bucket still refilling stays")
                .isFalse();
    }

    @Test
    void attemptsAtOnceFromBothNodesNeverExceedTheLimit() throws Exception {
        RateLimiter.Limit limit = new RateLimiter.Limit("test-" + UUID.randomUUID(), 7, Duration.ofHours(1));
        List<RateLimiter> nodes =
                List.of(limiters.add(new RateLimiter(dataSource)), limiters.add(new RateLimiter(dataSource)));
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                RateLimiter node = nodes.get(t % 2);
                Callable<Integer> attempts = () -> {
                    start.await();
                    int allowed = 0;
                    for (int i = 0; i < 5; i++) {
                        if (node.tryConsume(limit, "203.0.113.9")) {
                            allowed++;
                        }
                    }
                    return allowed;
                };
                results.add(pool.submit(attempts));
            }
            start.countDown();
            int allowed = 0;
            for (Future<Integer> result : results) {
                allowed += result.get();
            }
            assertThat(allowed)
                    .as("40 attempts from two nodes against a limit of 7")
                    .isEqualTo(7);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aGroupTakesWhatIsLeftInItsTransactionAndNothingIfItRollsBack() {
        RateLimiter node = limiters.add(new RateLimiter(dataSource));
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        RateLimiter.Limit limit = new RateLimiter.Limit("test-" + UUID.randomUUID(), 5, Duration.ofHours(1));

        // Rolled back: nothing counted.
        transactions.executeWithoutResult(status -> {
            assertThat(node.take(limit, Map.of("198.51.100.1", 4))).containsEntry("198.51.100.1", 4);
            status.setRollbackOnly();
        });
        assertThat(node.tryConsume(limit, "198.51.100.1")).isTrue();
        assertThat(node.tryConsume(limit, "198.51.100.1")).isTrue();

        // Committed: the first ones of each key get what is left; a new key starts full; a count above the capacity
        // gets the capacity.
        Map<String, Integer> granted = transactions.execute(status ->
                node.take(limit, Map.of("198.51.100.1", 6, "198.51.100.2", 2, "198.51.100.3", 9, "198.51.100.4", 0)));
        assertThat(granted)
                .containsEntry("198.51.100.1", 3)
                .containsEntry("198.51.100.2", 2)
                .containsEntry("198.51.100.3", 5)
                .doesNotContainKey("198.51.100.4");
        assertThat(node.tryConsume(limit, "198.51.100.1")).isFalse();
        assertThat(node.allows(limit, "198.51.100.2")).isTrue();
        assertThat(node.allows(limit, "198.51.100.3")).isFalse();
        assertThat(committed(transactions, () -> node.take(limit, Map.of("198.51.100.3", 1))))
                .containsEntry("198.51.100.3", 0);
        // Given back, one token is there again, never more than the capacity.
        node.giveBack(limit, "198.51.100.3");
        assertThat(node.tryConsume(limit, "198.51.100.3")).isTrue();
        assertThat(node.tryConsume(limit, "198.51.100.3")).isFalse();
        node.giveBack(limit, "198.51.100.5");
        assertThat(committed(transactions, () -> node.take(limit, Map.of("198.51.100.5", 7))))
                .containsEntry("198.51.100.5", 5);
    }

    @Test
    void groupsTakenAtOnceInTransactionsOfBothNodesNeverExceedTheLimit() throws Exception {
        RateLimiter.Limit limit = new RateLimiter.Limit("test-" + UUID.randomUUID(), 23, Duration.ofHours(1));
        List<RateLimiter> nodes =
                List.of(limiters.add(new RateLimiter(dataSource)), limiters.add(new RateLimiter(dataSource)));
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<int[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                RateLimiter node = nodes.get(t % 2);
                boolean alone = t % 4 == 3;
                Callable<int[]> groups = () -> {
                    start.await();
                    int[] allowed = new int[2];
                    for (int i = 0; i < 6; i++) {
                        if (alone) {
                            // Single takes on the limiter's own connections, between the groups.
                            allowed[0] += node.tryConsume(limit, "203.0.113.10") ? 1 : 0;
                            continue;
                        }
                        Map<String, Integer> granted = committed(
                                transactions, () -> node.take(limit, Map.of("203.0.113.10", 2, "203.0.113.11", 3)));
                        allowed[0] += granted.get("203.0.113.10");
                        allowed[1] += granted.get("203.0.113.11");
                    }
                    return allowed;
                };
                results.add(pool.submit(groups));
            }
            start.countDown();
            int[] allowed = new int[2];
            for (Future<int[]> result : results) {
                allowed[0] += result.get()[0];
                allowed[1] += result.get()[1];
            }
            assertThat(allowed[0])
                    .as("72 groups of 2 and 12 single takes from two nodes against a limit of 23")
                    .isEqualTo(23);
            assertThat(allowed[1]).as("72 groups of 3 against a limit of 23").isEqualTo(23);
        } finally {
            pool.shutdownNow();
        }
    }

    /** What the take gave, in a transaction of its own that commits. */
    private static Map<String, Integer> committed(
            TransactionTemplate transactions, Supplier<Map<String, Integer>> take) {
        Map<String, Integer> granted = transactions.execute(status -> take.get());
        return granted == null ? Map.of() : granted;
    }
}
