package pl.koordes.shared.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import pl.koordes.shared.mail.MailRequested;
import pl.koordes.shared.scheduling.ClusterLock;

/**
 * Finds event publications that no node will finish and has them handled again, on one node at a time.
 *
 * <p>Why not {@code spring.modulith.events.republish-outstanding-events-on-restart}: a node starting up would
 * resubmit everything unfinished, also what another node is handling at that moment. Why not Spring
 * Modulith 2.0.3's staleness monitor ({@code spring.modulith.events.staleness.*}): it runs on every node without
 * a lock, measures a resubmitted publication from its first publication (so a retry of an old one is stale at
 * its first check), takes an unset status's timeout of zero for "stale at once", and marks a publication failed by its id
 * even when it completed between the look-up and the update. Here each step is one statement that decides in
 * the database, with the database's clock:
 * <ol>
 *   <li>a publication completed whose status a late update set back is marked completed again;
 *   <li>one published, being processed or resubmitted and not finished {@link EventRecoverySettings#staleAfter()}
 *       after its publication or its last resubmission (its node died, or lost it) is marked failed;
 *   <li>failed ones are resubmitted, with a delay that doubles per attempt, up to
 *       {@link EventRecoverySettings#maxAttempts()}; mail is left to the notifications module's retry, which
 *       has its own delays ({@code koordes.mail.retry.*}).
 * </ol>
 * A resubmission marks the publication resubmitted before its listener runs, and only one node runs this job
 * at a time ({@link ClusterLock}), so a publication is resubmitted once per turn. A listener may still run twice
 * (its node died after its work committed and before the publication was marked completed, or it was slower
 * than the staleness bound): every listener of a kept event is written to be safe to run twice, most through
 * {@link OnceOnly}.
 */
@Configuration(proxyBeanMethods = false)
class EventPublicationRecovery implements SchedulingConfigurer {

    static final String LOCK = "event-publication-recovery";

    private static final Logger log = LoggerFactory.getLogger(EventPublicationRecovery.class);

    /** Longer than any pass takes; a node that dies mid-pass keeps the others out this long. */
    private static final Duration LOCK_AT_MOST = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final IncompleteEventPublications incomplete;
    private final EventRecoverySettings settings;
    private final ClusterLock lock;
    private final OnceOnly onceOnly;
    private final Clock clock;

    EventPublicationRecovery(
            JdbcClient jdbc,
            IncompleteEventPublications incomplete,
            EventRecoverySettings settings,
            ClusterLock lock,
            OnceOnly onceOnly,
            Clock clock) {
        this.jdbc = jdbc;
        this.incomplete = incomplete;
        this.settings = settings;
        this.lock = lock;
        this.onceOnly = onceOnly;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(
                () -> lock.runOnce(LOCK, LOCK_AT_MOST, settings.interval().dividedBy(2), this::recover),
                settings.interval(),
                settings.interval()));
    }

    /** One pass: repair, mark stale ones failed, resubmit failed ones that are due. */
    void recover() {
        int repaired = jdbc.sql("""
                        update event_publication set status = 'COMPLETED'
                        where completion_date is not null and status is distinct from 'COMPLETED'""").update();
        int stale = markStale();
        if (repaired > 0 || stale > 0) {
            log.warn("Event publications: {} completed ones repaired, {} stale ones marked failed", repaired, stale);
        }
        Instant now = clock.instant();
        incomplete.resubmitIncompletePublications(publication -> due(publication, now));
        onceOnly.forgetOlderThanDays(settings.forgetHandledAfterDays());
    }

    /** Marks publications no node is finishing failed; answers how many. */
    int markStale() {
        return jdbc.sql("""
                        update event_publication set status = 'FAILED'
                        where completion_date is null
                          and coalesce(status, 'PUBLISHED') in ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')
                          and coalesce(last_resubmission_date, publication_date)
                              < now() - make_interval(secs => :stale)""")
                .param("stale", settings.staleAfter().toMillis() / 1000.0)
                .update();
    }

    private boolean due(EventPublication publication, Instant now) {
        if (publication.getStatus() != EventPublication.Status.FAILED
                || publication.getEvent() instanceof MailRequested) {
            return false;
        }
        Instant last = publication.getLastResubmissionDate();
        return settings.retryDue(
                last != null ? last : publication.getPublicationDate(), publication.getCompletionAttempts(), now);
    }
}
