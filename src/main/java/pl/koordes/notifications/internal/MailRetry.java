package pl.koordes.notifications.internal;

import java.time.Clock;
import java.time.Instant;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import pl.koordes.shared.mail.MailRequested;

/**
 * Tries failed mail again on a schedule, so that an SMTP server that was down for a while needs no
 * restart of the application. Only mail publications marked failed are resubmitted, never one being
 * delivered at the moment; each is marked resubmitted before it runs, so one attempt runs at a time.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MailRetry implements SchedulingConfigurer {

    private final IncompleteEventPublications incomplete;
    private final MailRetrySettings settings;
    private final Clock clock;

    MailRetry(IncompleteEventPublications incomplete, MailRetrySettings settings, Clock clock) {
        this.incomplete = incomplete;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::resubmitDue, settings.interval(), settings.interval()));
    }

    void resubmitDue() {
        Instant now = clock.instant();
        incomplete.resubmitIncompletePublications(publication -> due(publication, now));
    }

    private boolean due(EventPublication publication, Instant now) {
        return publication.getStatus() == EventPublication.Status.FAILED
                && publication.getEvent() instanceof MailRequested
                && settings.due(publication.getPublicationDate(), publication.getLastResubmissionDate(),
                        publication.getCompletionAttempts(), now);
    }
}
