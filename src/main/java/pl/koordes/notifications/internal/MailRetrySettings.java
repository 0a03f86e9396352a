package pl.koordes.notifications.internal;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When undelivered mail is tried again without waiting for a restart. After a failure the next
 * attempt waits {@code firstDelay}, then twice as long each time up to {@code maxDelay}; mail still
 * undelivered after {@code giveUpAfter} is left failed for an operator to see.
 *
 * @param interval how often the queue is checked
 * @param firstDelay the wait before the first new attempt
 * @param maxDelay the longest wait between attempts
 * @param giveUpAfter the age after which mail is no longer retried on a schedule
 */
@ConfigurationProperties("koordes.mail.retry")
public record MailRetrySettings(Duration interval, Duration firstDelay, Duration maxDelay, Duration giveUpAfter) {

    public MailRetrySettings(
            @Nullable Duration interval,
            @Nullable Duration firstDelay,
            @Nullable Duration maxDelay,
            @Nullable Duration giveUpAfter) {
        this.interval = interval != null ? interval : Duration.ofMinutes(1);
        this.firstDelay = firstDelay != null ? firstDelay : Duration.ofMinutes(1);
        this.maxDelay = maxDelay != null ? maxDelay : Duration.ofHours(1);
        this.giveUpAfter = giveUpAfter != null ? giveUpAfter : Duration.ofDays(2);
    }

    /**
     * Whether a failed message is due for another attempt at {@code now}.
     *
     * @param published when the message was requested
     * @param lastAttempt when it was last resubmitted, or null if never
     * @param resubmissions how many times it was resubmitted
     */
    public boolean due(Instant published, @Nullable Instant lastAttempt, int resubmissions, Instant now) {
        if (published.plus(giveUpAfter).isBefore(now)) {
            return false;
        }
        Instant since = lastAttempt != null ? lastAttempt : published;
        return !now.isBefore(since.plus(delayAfter(resubmissions)));
    }

    /** The wait after {@code resubmissions} attempts: firstDelay, doubling, at most maxDelay. */
    public Duration delayAfter(int resubmissions) {
        Duration delay = firstDelay;
        for (int i = 0; i < resubmissions && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
