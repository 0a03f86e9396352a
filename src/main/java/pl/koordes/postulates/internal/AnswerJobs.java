package pl.koordes.postulates.internal;

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
 * The overdue reminders' schedule. The run takes a {@link ClusterLock} (ShedLock in PostgreSQL), so with
 * several nodes one runs each turn; and each reminder is claimed in {@code postulates_reminder} before it is
 * sent, so even two runs send it once a week.
 */
@Component
class AnswerJobs {

    private static final Logger log = LoggerFactory.getLogger(AnswerJobs.class);

    private final OverdueReminders reminders;
    private final ClusterLock lock;
    private final Clock clock;

    AnswerJobs(OverdueReminders reminders, ClusterLock lock, Clock clock) {
        this.reminders = reminders;
        this.lock = lock;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${koordes.postulates.reminder-interval:1h}",
            initialDelayString = "${koordes.postulates.reminder-interval:1h}")
    void sendReminders() {
        lock.runOnce("postulates.overdue-reminders", Duration.ofMinutes(30), Duration.ofMinutes(1), this::remindNow);
    }

    int remindNow() {
        int sent = reminders.sendDue(LocalDate.now(clock.withZone(Formats.ZONE)));
        if (sent > 0) {
            log.info("Reminded of {} overdue postulates", sent);
        }
        return sent;
    }
}
