package pl.koordes.shared.scheduling;

import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * Runs a scheduled job on one application node at a time: every node schedules it, the first to
 * take the lock in PostgreSQL runs it, the others skip that turn. Use it for anything that must
 * happen once (a reminder e-mail, a retry of failed mail), not merely "at most once concurrently".
 */
public final class ClusterLock {

    private final LockingTaskExecutor executor;

    ClusterLock(LockProvider provider) {
        this.executor = new DefaultLockingTaskExecutor(provider);
    }

    /**
     * Runs the job if no other node holds its lock.
     *
     * @param name         the job's name, unique across the application (at most 64 characters)
     * @param lockAtMostFor how long a node that died mid-run keeps others out; longer than the job takes
     * @param lockAtLeastFor how long the lock stays after a quick run, so that nodes whose clocks
     *                     differ a little do not run the same turn twice; shorter than the interval
     */
    public void runOnce(String name, Duration lockAtMostFor, Duration lockAtLeastFor, Runnable job) {
        executor.executeWithLock(job, new LockConfiguration(Instant.now(), name, lockAtMostFor, lockAtLeastFor));
    }
}
