package pl.koordes.notifications.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import pl.koordes.shared.mail.MailAttachment;
import pl.koordes.shared.mail.MailRequested;
import pl.koordes.shared.mail.MailSettings;

/**
 * Sends over SMTP ({@code spring.mail.*}) as multipart/alternative: a UTF-8 plain-text part and a
 * UTF-8 HTML part; with attachments, that pair goes into a multipart/mixed beside the files. The Message-ID comes from the message's id, so a delivery repeated after a crash
 * carries the same Message-ID as the first. Connections stay open between messages ({@link SmtpConnections}); the
 * delivery's "sent" record is written around the end of the message's data ({@link HandOverSmtpTransport}). A message that can be turned off carries the RFC 8058 one-click
 * {@code List-Unsubscribe} headers.
 */
@Component
@ConditionalOnExpression(MailTransport.SMTP)
class SmtpMailTransport implements MailTransport, DisposableBean {

    /** Applied unless set in {@code spring.mail.properties.*}: Jakarta Mail waits forever by default. */
    private static final String TIMEOUT_MILLIS = "30000";

    /**
     * Jakarta Mail 2.1 looks its stream provider up with a {@code ServiceLoader} every time a message or a body part is
     * made, encoded or decoded: in the packaged jar that is a scan of nested jars, most of a delivery's CPU. Named by
     * this system property, it is loaded by name instead (Angus Mail's own provider, the one the service file names).
     */
    static final String STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";

    static final String STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    private static final HandOver NO_RECORD = new HandOver() {
        @Override
        public void prepare() {}

        @Override
        public void commit() {}

        @Override
        public void abandon() {}
    };

    /**
     * Angus Mail enforces the write timeout with a scheduler; without one given, it starts a thread of its own for
     * every connection. One daemon thread serves every connection of this transport.
     */
    private final ScheduledThreadPoolExecutor writeTimeouts;

    private final JavaMailSender sender;

    /** Connections kept open between messages; null when the sender is not Spring's own (tests). */
    private final @Nullable SmtpConnections connections;

    private final InternetAddress from;
    private final String messageIdDomain;
    private final Clock clock;

    SmtpMailTransport(JavaMailSender sender, MailSettings settings, Clock clock) {
        this.sender = sender;
        this.clock = clock;
        InternetAddress address = settings.fromAddress();
        try {
            // The display name may hold Polish letters: encode it as UTF-8 (RFC 2047).
            this.from = new InternetAddress(address.getAddress(), address.getPersonal(), StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        this.messageIdDomain =
                address.getAddress().substring(address.getAddress().indexOf('@') + 1);
        if (System.getProperty(STREAM_PROVIDER_PROPERTY) == null) {
            System.setProperty(STREAM_PROVIDER_PROPERTY, STREAM_PROVIDER);
        }
        this.writeTimeouts = new ScheduledThreadPoolExecutor(
                1, Thread.ofPlatform().name("smtp-write-timeouts").daemon(true).factory());
        writeTimeouts.setRemoveOnCancelPolicy(true);
        if (sender instanceof JavaMailSenderImpl impl) {
            Properties properties = impl.getJavaMailProperties();
            for (String key :
                    new String[] {"mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout"}) {
                properties.putIfAbsent(key, TIMEOUT_MILLIS);
            }
            // An object, not a text: Angus Mail reads this property as the scheduler itself.
            properties.putIfAbsent("mail.smtp.executor.writetimeout", writeTimeouts);
            this.connections = new SmtpConnections(impl, System::nanoTime);
            long sweep = SmtpConnections.IDLE.toMillis() / 4;
            writeTimeouts.scheduleWithFixedDelay(connections::closeIdle, sweep, sweep, TimeUnit.MILLISECONDS);
        } else {
            this.connections = null;
        }
    }

    @Override
    public void destroy() {
        writeTimeouts.shutdownNow();
        if (connections != null) {
            connections.close();
        }
    }

    @Override
    public void deliver(MailRequested mail) {
        deliver(mail, NO_RECORD);
    }

    @Override
    public void deliver(MailRequested mail, HandOver record) {
        MimeMessage message = toMimeMessage(mail);
        if (connections == null) {
            record.prepare();
            record.commit();
            sender.send(message);
            return;
        }
        try {
            // As JavaMailSenderImpl does before sending: final headers, keeping the Message-ID set from the mail's id.
            String messageId = message.getMessageID();
            message.saveChanges();
            if (messageId != null) {
                message.setHeader("Message-ID", messageId);
            }
        } catch (MessagingException e) {
            throw new MailPreparationException("Mail " + mail.id() + " could not be prepared", e);
        }
        connections.send(message, record);
    }

    /** How many SMTP connections wait open for the next message (tests). */
    int idleConnections() {
        return connections == null ? 0 : connections.idleCount();
    }

    MimeMessage toMimeMessage(MailRequested mail) {
        MimeMessage message = sender.createMimeMessage();
        try {
            message.setFrom(from);
            message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(mail.to(), true));
            if (mail.replyTo() != null) {
                message.setReplyTo(InternetAddress.parse(mail.replyTo(), true));
            }
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(clock.instant()));
            // JavaMailSenderImpl keeps an explicitly set Message-ID.
            message.setHeader("Message-ID", "<" + mail.id() + "@" + messageIdDomain + ">");
            // RFC 3834: automatic mail, so that auto-responders do not answer it.
            message.setHeader("Auto-Submitted", "auto-generated");
            if (mail.unsubscribe() != null) {
                // RFC 2369 and RFC 8058: the mail client's own "unsubscribe" button, one POST without signing in.
                message.setHeader("List-Unsubscribe", "<" + mail.unsubscribe() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            if (mail.attachments().isEmpty()) {
                MimeBodyPart text = new MimeBodyPart();
                text.setText(mail.textBody(), StandardCharsets.UTF_8.name(), "plain");
                // Named, so that Jakarta Mail does not read each part through to choose (mostly ASCII: this one).
                text.setHeader("Content-Transfer-Encoding", "quoted-printable");
                MimeBodyPart html = new MimeBodyPart();
                html.setText(mail.htmlBody(), StandardCharsets.UTF_8.name(), "html");
                html.setHeader("Content-Transfer-Encoding", "quoted-printable");
                message.setContent(new MimeMultipart("alternative", text, html));
                return message;
            }
            // Mixed: the alternative text/HTML pair first, then one part per file.
            MimeMessageHelper helper = new MimeMessageHelper(
                    message, MimeMessageHelper.MULTIPART_MODE_MIXED, StandardCharsets.UTF_8.name());
            helper.setText(mail.textBody(), mail.htmlBody());
            for (MailAttachment file : mail.attachments()) {
                helper.addAttachment(file.fileName(), new ByteArrayResource(file.content()), file.contentType());
            }
            return message;
        } catch (MessagingException e) {
            throw new MailPreparationException("Mail " + mail.id() + " could not be prepared", e);
        }
    }
}
