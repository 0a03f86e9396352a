package pl.koordes.postulates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.postulates.internal.SupportManagement;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.support.IntegrationTest;

/**
 * Support given at the same moment by many people, each in its own transaction: 16 coordinators, one per
 * region, co-sign at once and every other region's signature is kept exactly once (the postulate's own
 * region is refused); one region twice at once keeps one signature; one person's 20 endorsements at once keep
 * one. What keeps them apart is the database (the partial unique index, the primary key) and the postulate's
 * lock, not a check in the application that two transactions could both pass.
 */
@IntegrationTest
class SupportConcurrencyIntegrationTests {

    @Autowired
    SupportManagement support;

    @Autowired
    JdbcClient jdbc;

    @Test
    void sixteenCoordinatorsCoSigningAtOnceLeaveExactlyOneSignaturePerOtherRegion() throws Exception {
        long postulate = SupportTesting.submitted(jdbc, "malopolskie", SupportTesting.unique("Szesnaście naraz"), 48);
        long own = SupportTesting.region(jdbc, "malopolskie");
        List<Long> regions = SupportTesting.regions(jdbc);
        assertThat(regions).hasSize(16);
        List<Callable<Boolean>> signings = new ArrayList<>();
        long account = 9_100_000;
        for (long region : regions) {
            CurrentUser coordinator = SupportTesting.coordinator(account++, region);
            // Each region twice, by two of its coordinators, so that the same region also races itself.
            CurrentUser second = SupportTesting.coordinator(account++, region);
            signings.add(() -> cosign(coordinator, postulate, region));
            signings.add(() -> cosign(second, postulate, region));
        }

        List<Boolean> added = atOnce(signings);

        assertThat(added.stream().filter(Boolean::booleanValue)).hasSize(15);
        assertThat(jdbc.sql("""
                        select region_id, count(*) from postulates_signature
                        where postulate_id = :p and withdrawn_at is null group by region_id
                        """)
                        .param("p", postulate)
                        .query((rs, n) -> rs.getLong(2))
                        .list())
                .hasSize(15)
                .allSatisfy(count -> assertThat(count).isEqualTo(1L));
        assertThat(jdbc.sql("select count(*) from postulates_signature where postulate_id = :p and region_id = :own")
                        .param("p", postulate)
                        .param("own", own)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from postulates_step where postulate_id = :p and kind = 'COSIGNED'")
                        .param("p", postulate)
                        .query(Long.class)
                        .single())
                .isEqualTo(15L);
        assertThat(jdbc.sql("""
                        select count(*) from audit_entry where action = 'POSTULATE_COSIGNED' and target_id = :p
                        """)
                        .param("p", String.valueOf(postulate))
                        .query(Long.class)
                        .single())
                .isEqualTo(15L);
    }

    @Test
    void theSameRegionSigningTenTimesAtOnceKeepsOneSignature() throws Exception {
        long postulate = SupportTesting.submitted(jdbc, "malopolskie", SupportTesting.unique("Dziesięć razy"), 48);
        long slaskie = SupportTesting.region(jdbc, "slaskie");
        List<Callable<Boolean>> signings = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            CurrentUser coordinator = SupportTesting.coordinator(9_200_000 + i, slaskie);
            signings.add(() -> support.cosign(coordinator, postulate, slaskie));
        }

        List<Boolean> added = atOnce(signings);

        assertThat(added).containsOnlyOnce(true);
        assertThat(jdbc.sql("select count(*) from postulates_signature where postulate_id = :p and region_id = :r")
                        .param("p", postulate)
                        .param("r", slaskie)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void twentyIdenticalEndorsementsFromOnePersonAtOnceKeepOne() throws Exception {
        long postulate = SupportTesting.submitted(jdbc, "malopolskie", SupportTesting.unique("Dwadzieścia poparć"), 48);
        CurrentUser person = SupportTesting.participant(9_300_000);
        List<Callable<Boolean>> endorsements = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            endorsements.add(() -> support.endorse(person, postulate));
        }

        List<Boolean> added = atOnce(endorsements);

        assertThat(added).containsOnlyOnce(true);
        assertThat(jdbc.sql("select count(*) from postulates_endorsement where postulate_id = :p")
                        .param("p", postulate)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    /** A signature by the postulate's own region is refused; counted as not added. */
    private boolean cosign(CurrentUser coordinator, long postulate, long region) {
        try {
            return support.cosign(coordinator, postulate, region);
        } catch (Refused refused) {
            assertThat(refused.messageKey()).isEqualTo("postulates.support.cosign.notYourRegion");
            return false;
        }
    }

    /** Runs every task at the same moment (a latch releases them together) and waits for all. */
    private static <T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch ready = new CountDownLatch(tasks.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ready.getCount() == 0);
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
