package pl.koordes.events.internal;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import pl.koordes.events.EventRegistrations;
import pl.koordes.events.EventReminders;

/**
 * The events' scheduled work: held seats whose confirmation did not come back to the pool, and the
 * reminders the day before. Both are safe when several nodes run them at once: expiry takes each event's
 * row lock and changes only what is still pending; a reminder is claimed by a conditional update before
 * it is sent, so it goes out once.
 */
@Component
class EventJobs {

    private static final Logger log = LoggerFactory.getLogger(EventJobs.class);

    private final EventRegistrations registrations;
    private final EventReminders reminders;
    private final Clock clock;

    EventJobs(EventRegistrations registrations, EventReminders reminders, Clock clock) {
        this.registrations = registrations;
        this.reminders = reminders;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${koordes.events.expiry-interval:1m}", initialDelayString = "${koordes.events.expiry-interval:1m}")
    void expirePending() {
        int expired = registrations.expirePending(clock.instant());
        if (expired > 0) {
            log.info("{} unconfirmed registrations expired; their seats went back to the pool", expired);
        }
    }

    @Scheduled(fixedDelayString = "${koordes.events.reminder-interval:10m}", initialDelayString = "${koordes.events.reminder-interval:10m}")
    void sendReminders() {
        int sent = reminders.sendDue(clock.instant());
        if (sent > 0) {
            log.info("Queued {} event reminders", sent);
        }
    }
}
