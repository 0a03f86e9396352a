package pl.koordes.advisory.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.scheduling.ClusterLock;

/**
 * Follow-up tasks past their due date remind their owner once ({@code reminded_on}): every morning, one node per
 * turn ({@link ClusterLock}). Each task is reminded in a transaction of its own, so that one failure does not hold
 * back the others; the next turn tries again what failed.
 */
@Component
public class SessionJobs {

    private static final Logger log = LoggerFactory.getLogger(SessionJobs.class);

    /** How many tasks one turn reminds at most. */
    static final int BATCH = 500;

    private final SessionStore store;
    private final TaskManagement tasks;
    private final ClusterLock lock;
    private final Clock clock;

    SessionJobs(SessionStore store, TaskManagement tasks, ClusterLock lock, Clock clock) {
        this.store = store;
        this.tasks = tasks;
        this.lock = lock;
        this.clock = clock;
    }

    @Scheduled(cron = "${koordes.advisory.task-reminder-cron:0 0 8 * * *}", zone = "Europe/Warsaw")
    void remind() {
        lock.runOnce("advisory.task-reminders", Duration.ofMinutes(10), Duration.ofMinutes(1), this::remindNow);
    }

    /** One turn without the cluster lock; returns how many tasks were reminded. */
    public int remindNow() {
        LocalDate today = clock.instant().atZone(Formats.ZONE).toLocalDate();
        int reminded = 0;
        for (SessionRecords.Task task : store.overdueUnreminded(today, BATCH)) {
            try {
                tasks.remind(task.requestId(), task.id(), today);
                reminded++;
            } catch (RuntimeException e) {
                log.error("Advisory task {}: the overdue reminder failed; the next turn tries again", task.id(), e);
            }
        }
        if (reminded > 0) {
            log.info("Overdue advisory tasks reminded: {}", reminded);
        }
        return reminded;
    }
}
