package pl.koordes.notifications.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A message kept in the development mailbox, as the mailbox pages show it. */
public record MailboxMessage(UUID id, Instant deliveredAt, String sender, String recipient, @Nullable String replyTo,
        String subject, String kind, String textBody, String htmlBody) {
}
