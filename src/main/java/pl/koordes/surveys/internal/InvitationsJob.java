package pl.koordes.surveys.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import pl.koordes.shared.scheduling.ClusterLock;

/**
 * The surveys' scheduled mail: for each open survey the invitation once and the reminder before closing
 * ({@link InvitationsMailings#sendDue}). The run takes a {@link ClusterLock} (ShedLock in PostgreSQL), so
 * with several nodes one runs each turn; and each round is claimed in {@code surveys_mailing} before it is
 * sent, so even two runs at once send it once. Each survey's round is its own transaction: one that fails
 * does not hold back the others.
 */
@Component
public class InvitationsJob {

    private static final Logger log = LoggerFactory.getLogger(InvitationsJob.class);

    private final InvitationsMailings mailings;
    private final ClusterLock lock;
    private final Clock clock;

    public InvitationsJob(InvitationsMailings mailings, ClusterLock lock, Clock clock) {
        this.mailings = mailings;
        this.lock = lock;
        this.clock = clock;
    }

    @Scheduled(cron = "${koordes.surveys.cron:" + InvitationsProperties.DEFAULT_CRON + "}", zone = "Europe/Warsaw")
    public void run() {
        lock.runOnce("surveys.invitations", Duration.ofMinutes(10), Duration.ofMinutes(1), this::runNow);
    }

    /** One turn without the cluster lock; returns how many rounds were sent. */
    public int runNow() {
        Instant now = clock.instant();
        int rounds = 0;
        for (long surveyId : mailings.open(now)) {
            try {
                Optional<MailingKind> sent = mailings.sendDue(surveyId, now);
                if (sent.isPresent()) {
                    log.info("Survey {}: {} round sent", surveyId, sent.get());
                    rounds++;
                }
            } catch (RuntimeException e) {
                log.error("Survey {}: the invitation or reminder round failed; the next run tries again", surveyId, e);
            }
        }
        return rounds;
    }
}
