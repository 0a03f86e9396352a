package pl.koordes.shared.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import pl.koordes.support.IntegrationTest;

/**
 * Two nodes' locks on one PostgreSQL: while one node runs a job, the other skips its turn; once the
 * job is done (and its minimum hold is over) the next turn runs again.
 */
@IntegrationTest
class ClusterLockIntegrationTests {

    @Autowired
    DataSource dataSource;

    private ClusterLock node() {
        return new ClusterLock(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build()));
    }

    @Test
    void aJobRunningOnOneNodeIsSkippedOnTheOther() throws Exception {
        ClusterLock first = node();
        ClusterLock second = node();
        String job = "test-job-" + System.nanoTime();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        CompletableFuture<Void> longRun =
                CompletableFuture.runAsync(() -> first.runOnce(job, Duration.ofMinutes(1), Duration.ZERO, () -> {
                    runs.incrementAndGet();
                    running.countDown();
                    await(release);
                }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        second.runOnce(job, Duration.ofMinutes(1), Duration.ZERO, runs::incrementAndGet);
        assertThat(runs)
                .as("the second node skipped the turn the first is running")
                .hasValue(1);

        release.countDown();
        longRun.get(10, TimeUnit.SECONDS);
        second.runOnce(job, Duration.ofMinutes(1), Duration.ZERO, runs::incrementAndGet);
        assertThat(runs).as("after the first node finished, the next turn runs").hasValue(2);
    }

    @Test
    void aQuickRunKeepsTheLockForItsMinimumSoADriftingNodeDoesNotRepeatTheTurn() {
        ClusterLock first = node();
        ClusterLock second = node();
        String job = "test-job-" + System.nanoTime();
        AtomicInteger runs = new AtomicInteger();

        first.runOnce(job, Duration.ofMinutes(1), Duration.ofMinutes(1), runs::incrementAndGet);
        second.runOnce(job, Duration.ofMinutes(1), Duration.ofMinutes(1), runs::incrementAndGet);

        assertThat(runs).hasValue(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
