package pl.koordes.shared.mail;

import java.time.Instant;
import java.util.List;
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
 * @param attachments files sent with the message, at most {@link #MAX_ATTACHMENT_BYTES} together; never
 *        null (a publication stored before attachments existed has none, and reads back as an empty list)
 * @param unsubscribe the absolute address that turns this kind of e-mail off for the recipient without signing in
 *        (RFC 8058: the transport sends it as {@code List-Unsubscribe} with one-click), or null for essential mail
 *        and recipients without an account
 */
public record MailRequested(
        UUID id,
        String to,
        @Nullable String replyTo,
        String subject,
        String textBody,
        String htmlBody,
        String kind,
        Instant requestedAt,
        List<MailAttachment> attachments,
        @Nullable String unsubscribe) {

    /**
     * The id under which the delivering listener keeps each message in the event publication registry: stable,
     * so that renaming a class never orphans queued mail, and known here so that a restored database can hold
     * the mail waiting in it ({@code shared.database.DatabaseCopies}).
     */
    public static final String DELIVERY_LISTENER_ID = "notifications.mail-delivery";

    /**
     * The limit for all attachments of one message together (1 MiB). The message waits in the event
     * publication table as JSON (base64 adds a third) and is read again on every retry; large files
     * belong on the site, linked from the message.
     */
    public static final int MAX_ATTACHMENT_BYTES = 1024 * 1024;

    public MailRequested {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        Objects.requireNonNull(htmlBody, "htmlBody");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(requestedAt, "requestedAt");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        long total = attachments.stream().mapToLong(MailAttachment::size).sum();
        if (total > MAX_ATTACHMENT_BYTES) {
            throw new IllegalArgumentException(
                    "Attachments of " + total + " bytes exceed the limit of " + MAX_ATTACHMENT_BYTES + " bytes");
        }
    }

    /** A message without an unsubscribe address (essential mail, or built by hand). */
    public MailRequested(
            UUID id,
            String to,
            @Nullable String replyTo,
            String subject,
            String textBody,
            String htmlBody,
            String kind,
            Instant requestedAt,
            List<MailAttachment> attachments) {
        this(id, to, replyTo, subject, textBody, htmlBody, kind, requestedAt, attachments, null);
    }

    /** The same message with answers directed to {@code address} (checked like a recipient). */
    public MailRequested withReplyTo(String address) {
        return new MailRequested(
                id,
                to,
                MailAddresses.requireValid(address),
                subject,
                textBody,
                htmlBody,
                kind,
                requestedAt,
                attachments,
                unsubscribe);
    }

    /** The same message with {@code files} attached instead of its current attachments. */
    public MailRequested withAttachments(List<MailAttachment> files) {
        return new MailRequested(id, to, replyTo, subject, textBody, htmlBody, kind, requestedAt, files, unsubscribe);
    }
}
