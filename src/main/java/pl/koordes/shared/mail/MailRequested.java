package pl.koordes.shared.mail;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An e-mail ready to go, published inside the transaction that decided to send it; the
 * notifications module delivers it after the commit and keeps trying until it is delivered.
 * Build it with {@link Mailer}, which renders the template in the recipient's language.
 *
 * @param id unique per message: identical messages sent twice stay two publications, and the
 *        receiving side can recognise a repeated delivery (it becomes the Message-ID)
 * @param to the recipient's address
 * @param replyTo where answers should go, or null for the sender address
 * @param subject the subject line, plain text on one line
 * @param textBody the plain-text part
 * @param htmlBody the HTML part, a whole document with inline styles
 * @param kind a short tag naming the template ({@code "invitation"}), for the mailbox and logs
 * @param requestedAt when the message was requested
 */
public record MailRequested(UUID id, String to, @Nullable String replyTo, String subject, String textBody,
        String htmlBody, String kind, Instant requestedAt) {

    public MailRequested {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        Objects.requireNonNull(htmlBody, "htmlBody");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    /** The same message with answers directed to {@code address} (checked like a recipient). */
    public MailRequested withReplyTo(String address) {
        return new MailRequested(id, to, MailAddresses.requireValid(address), subject, textBody, htmlBody, kind,
                requestedAt);
    }
}
