package pl.koordes.notifications;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reading what arrived at the test SMTP server, and what the event publication registry holds. */
final class MailMessages {

    private MailMessages() {}

    /** The messages whose Message-ID carries this message id. */
    static List<MimeMessage> withId(MimeMessage[] received, UUID id) {
        return Arrays.stream(received)
                .filter(m -> messageId(m).contains(id.toString()))
                .toList();
    }

    static String messageId(MimeMessage message) {
        try {
            String id = message.getMessageID();
            return id == null ? "" : id;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text/plain and text/html parts of a multipart/alternative message. */
    record Parts(String contentType, BodyPart text, BodyPart html) {

        static Parts of(MimeMessage message) throws MessagingException, IOException {
            MimeMultipart multipart = (MimeMultipart) message.getContent();
            return new Parts(multipart.getContentType(), multipart.getBodyPart(0), multipart.getBodyPart(1));
        }

        String textBody() throws MessagingException, IOException {
            return (String) text.getContent();
        }

        String htmlBody() throws MessagingException, IOException {
            return (String) html.getContent();
        }

        static String charset(BodyPart part) throws MessagingException {
            return new ContentType(part.getContentType()).getParameter("charset");
        }
    }

    /** The publication of the mail delivery for this message: its status and whether it completed. */
    record Publication(String status, boolean completed) {}

    static List<Publication> publications(JdbcClient jdbc, UUID id) {
        return jdbc.sql("""
                select status, completion_date is not null as completed from event_publication
                where listener_id = 'notifications.mail-delivery' and serialized_event like :id""")
                .param("id", "%" + id + "%")
                .query((rs, row) -> new Publication(rs.getString("status"), rs.getBoolean("completed")))
                .list();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
