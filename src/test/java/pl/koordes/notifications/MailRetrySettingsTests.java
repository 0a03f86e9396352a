package pl.koordes.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import pl.koordes.notifications.internal.MailRetrySettings;

/** Failed mail is retried sooner at first, then less and less often, and not forever. */
class MailRetrySettingsTests {

    private final MailRetrySettings settings = new MailRetrySettings(
            Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(30), Duration.ofDays(2));
    private final Instant published = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void defaultsApplyWhenNothingIsConfigured() {
        MailRetrySettings defaults = new MailRetrySettings(null, null, null, null);
        assertThat(defaults.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.firstDelay()).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.maxDelay()).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.giveUpAfter()).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void theWaitDoublesUpToTheMaximum() {
        assertThat(settings.delayAfter(0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.delayAfter(1)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.delayAfter(4)).isEqualTo(Duration.ofMinutes(16));
        assertThat(settings.delayAfter(5)).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.delayAfter(1000)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aMessageIsDueOnceItsWaitHasPassed() {
        assertThat(settings.due(published, null, 0, published.plusSeconds(59))).isFalse();
        assertThat(settings.due(published, null, 0, published.plusSeconds(60))).isTrue();
        Instant lastAttempt = published.plus(Duration.ofMinutes(10));
        assertThat(settings.due(published, lastAttempt, 3, lastAttempt.plus(Duration.ofMinutes(7))))
                .isFalse();
        assertThat(settings.due(published, lastAttempt, 3, lastAttempt.plus(Duration.ofMinutes(8))))
                .isTrue();
    }

    @Test
    void retriesStopAfterTheGiveUpAge() {
        Instant later = published.plus(Duration.ofDays(2)).plusSeconds(1);
        assertThat(settings.due(published, later.minus(Duration.ofHours(1)), 50, later))
                .isFalse();
    }
}
