package pl.koordes.monitoring.internal;

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
 * Reporting's scheduled work: the reminders before and after a period's deadline. The run takes a
 * {@link ClusterLock} (ShedLock in PostgreSQL), so with several nodes one runs each turn; and each reminder
 * is claimed in {@code monitoring_reminder} before it is sent, so even two runs send it once.
 */
@Component
class ReportingJobs {

    private static final Logger log = LoggerFactory.getLogger(ReportingJobs.class);

    private final ReportingReminders reminders;
    private final ClusterLock lock;
    private final Clock clock;

    ReportingJobs(ReportingReminders reminders, ClusterLock lock, Clock clock) {
        this.reminders = reminders;
        this.lock = lock;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${koordes.monitoring.reminder-interval:1h}",
            initialDelayString = "${koordes.monitoring.reminder-interval:1h}")
    void sendReminders() {
        lock.runOnce("monitoring.reporting-reminders", Duration.ofMinutes(30), Duration.ofMinutes(1), this::remindNow);
    }

    int remindNow() {
        int sent = reminders.sendDue(LocalDate.now(clock.withZone(Formats.ZONE)));
        if (sent > 0) {
            log.info("Queued {} reporting reminders", sent);
        }
        return sent;
    }
}
