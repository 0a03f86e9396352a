package pl.koordes.notifications.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key that signs the unsubscribe links in e-mails ({@code koordes.notifications.unsubscribe-secret},
 * {@code KOORDES_UNSUBSCRIBE_SECRET}): the same on every node and kept across restarts, since a link is followed
 * weeks or months after its e-mail was sent. Empty: a random key per start (development), so links in mail sent
 * before a restart no longer work; the go-live check asks for it.
 */
@ConfigurationProperties("koordes.notifications")
public record UnsubscribeSettings(@Nullable String unsubscribeSecret) {

    /** Whether a key is configured (rather than made up at start). */
    public boolean configured() {
        return unsubscribeSecret != null && !unsubscribeSecret.isBlank();
    }
}
