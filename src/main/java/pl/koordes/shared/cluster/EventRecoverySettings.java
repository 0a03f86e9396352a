package pl.koordes.shared.cluster;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How event publications left unfinished are found and handled again ({@link EventPublicationRecovery}).
 *
 * @param interval how often one node (under the cluster lock) looks at the registry
 * @param staleAfter how long a publication may stay published or being processed (counted from its
 *        publication) or resubmitted (counted from its resubmission) before it is taken for abandoned by a dead
 *        node and marked failed: longer than any listener takes, mail delivery with its SMTP timeouts included
 * @param retryDelay the wait before a failed publication (other than mail, which {@code koordes.mail.retry.*}
 *        governs) runs again; it doubles with every attempt, up to 64 times as long
 * @param maxAttempts after this many resubmissions a failed publication is left failed for an operator
 * @param forgetHandledAfterDays how long {@link OnceOnly} remembers handled events
 */
@ConfigurationProperties("koordes.events.recovery")
public record EventRecoverySettings(
        @DefaultValue("30s") Duration interval,
        @DefaultValue("5m") Duration staleAfter,
        @DefaultValue("1m") Duration retryDelay,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("30") int forgetHandledAfterDays) {

    /** Whether a failed publication with {@code attempts} resubmissions, the last at {@code since}, is due. */
    boolean retryDue(Instant since, int attempts, Instant now) {
        if (attempts >= maxAttempts) {
            return false;
        }
        return !now.isBefore(since.plus(retryDelay.multipliedBy(1L << Math.min(attempts, 6))));
    }
}
