package pl.koordes.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import pl.koordes.shared.mail.MailRequested;
import pl.koordes.shared.scheduling.ClusterLock;

/**
 * Tries failed mail again on a schedule, so that an SMTP server that was down for a while needs no
 * restart of the application. Only mail publications marked failed are resubmitted, never one being
 * delivered at the moment (one left unfinished by a node that died is marked failed by the shared
 * {@code EventPublicationRecovery} after {@code koordes.events.recovery.stale-after}); each is marked
 * resubmitted before it runs, so one attempt runs at a time. With several application nodes the cluster
 * lock lets one node at a time look at the queue, and {@link MailDelivery} sends a message at most once
 * however often it runs.
 */
@Configuration(proxyBeanMethods = false)
class MailRetry implements SchedulingConfigurer {

    /** Longer than any pass over the queue takes; a node that dies mid-pass blocks the others this long. */
    private static final Duration LOCK_AT_MOST = Duration.ofMinutes(10);

    /** Deliveries are remembered far longer than any message is retried ({@link MailRetrySettings#giveUpAfter()}). */
    private static final int KEEP_DELIVERIES_DAYS = 30;

    private final IncompleteEventPublications incomplete;
    private final MailRetrySettings settings;
    private final Clock clock;
    private final ClusterLock lock;
    private final MailDelivery delivery;

    MailRetry(
            IncompleteEventPublications incomplete,
            MailRetrySettings settings,
            Clock clock,
            ClusterLock lock,
            MailDelivery delivery) {
        this.incomplete = incomplete;
        this.settings = settings;
        this.clock = clock;
        this.lock = lock;
        this.delivery = delivery;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(
                () -> lock.runOnce(
                        "mail-retry", LOCK_AT_MOST, settings.interval().dividedBy(2), this::resubmitDue),
                settings.interval(),
                settings.interval()));
    }

    void resubmitDue() {
        Instant now = clock.instant();
        incomplete.resubmitIncompletePublications(publication -> due(publication, now));
        delivery.forgetOlderThanDays(KEEP_DELIVERIES_DAYS);
    }

    private boolean due(EventPublication publication, Instant now) {
        return publication.getStatus() == EventPublication.Status.FAILED
                && publication.getEvent() instanceof MailRequested
                && settings.due(
                        publication.getPublicationDate(),
                        publication.getLastResubmissionDate(),
                        publication.getCompletionAttempts(),
                        now);
    }
}
