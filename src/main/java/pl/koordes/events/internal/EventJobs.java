package pl.koordes.events.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.scheduling.ClusterLock;

/**
 * The events' scheduled work: held seats whose confirmation did not come back to the pool, and the
 * reminders the day before. Each run takes a {@link ClusterLock} (ShedLock in PostgreSQL), so with several
 * application nodes one node runs each turn. Beyond that, both stay correct if they did run twice: expiry
 * takes each event's row lock and changes only what is still pending; a reminder is claimed by a
 * conditional update before it is sent, so it goes out once.
 */
@Component
class EventJobs {

    private static final Logger log = LoggerFactory.getLogger(EventJobs.class);

    private final EventRegistrations registrations;
    private final EventReminders reminders;
    private final Clock clock;
    private final ClusterLock lock;
    private final RegistrationPersonalData personalData;
    private final EventsProperties settings;

    EventJobs(
            EventRegistrations registrations,
            EventReminders reminders,
            Clock clock,
            ClusterLock lock,
            RegistrationPersonalData personalData,
            EventsProperties settings) {
        this.personalData = personalData;
        this.settings = settings;
        this.registrations = registrations;
        this.reminders = reminders;
        this.clock = clock;
        this.lock = lock;
    }

    @Scheduled(
            fixedDelayString = "${koordes.events.expiry-interval:1m}",
            initialDelayString = "${koordes.events.expiry-interval:1m}")
    void expirePending() {
        lock.runOnce("events.expire-pending", Duration.ofMinutes(5), Duration.ofSeconds(20), this::expireNow);
    }

    private void expireNow() {
        int expired = registrations.expirePending(clock.instant());
        if (expired > 0) {
            log.info("{} unconfirmed registrations expired; their seats went back to the pool", expired);
        }
    }

    @Scheduled(
            fixedDelayString = "${koordes.events.reminder-interval:10m}",
            initialDelayString = "${koordes.events.reminder-interval:10m}")
    void sendReminders() {
        lock.runOnce("events.reminders", Duration.ofMinutes(10), Duration.ofMinutes(1), this::remindNow);
    }

    /** Once a day, on one node: registrations kept longer than promised lose who they were. */
    @Scheduled(cron = "${koordes.events.retention-cron:0 30 3 * * *}", zone = "Europe/Warsaw")
    void enforceRetention() {
        lock.runOnce("events.retention", Duration.ofHours(1), Duration.ofMinutes(5), this::retainNow);
    }

    int retainNow() {
        Instant cutoff = clock.instant()
                .atZone(Formats.ZONE)
                .minus(settings.registrationRetention())
                .toInstant();
        int anonymised = personalData.anonymiseEndedBefore(cutoff);
        if (anonymised > 0) {
            log.info("{} registrations of events that ended before {} anonymised (retention)", anonymised, cutoff);
        }
        return anonymised;
    }

    private void remindNow() {
        int sent = reminders.sendDue(clock.instant());
        if (sent > 0) {
            log.info("Queued {} event reminders", sent);
        }
    }
}
