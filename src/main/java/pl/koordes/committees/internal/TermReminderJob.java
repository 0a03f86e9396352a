package pl.koordes.committees.internal;

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
 * Every morning, one node per turn ({@link ClusterLock}), reminds the coordinators of the terms that end within
 * three months ({@link TermReminders}); each membership in a transaction of its own, so that one failure does not
 * hold back the others; the next turn tries again what failed.
 */
@Component
public class TermReminderJob {

    private static final Logger log = LoggerFactory.getLogger(TermReminderJob.class);

    /** How many memberships one turn reminds of at most. */
    static final int BATCH = 500;

    private final TermReminders reminders;
    private final ClusterLock lock;
    private final Clock clock;

    TermReminderJob(TermReminders reminders, ClusterLock lock, Clock clock) {
        this.reminders = reminders;
        this.lock = lock;
        this.clock = clock;
    }

    @Scheduled(cron = "${koordes.committees.term-reminder-cron:0 15 7 * * *}", zone = "Europe/Warsaw")
    void remind() {
        lock.runOnce("committees.term-reminders", Duration.ofMinutes(10), Duration.ofMinutes(1), this::remindNow);
    }

    /** One turn without the cluster lock; returns how many memberships were reminded of. */
    public int remindNow() {
        LocalDate today = clock.instant().atZone(Formats.ZONE).toLocalDate();
        int reminded = 0;
        for (TermReminders.Due due : reminders.due(today, BATCH)) {
            try {
                if (reminders.remind(due)) {
                    reminded++;
                }
            } catch (RuntimeException e) {
                log.error(
                        "Committee membership {}: the term-end reminder failed; the next turn tries again",
                        due.membershipId(),
                        e);
            }
        }
        if (reminded > 0) {
            log.info("Committee term-end reminders: {}", reminded);
        }
        return reminded;
    }
}
