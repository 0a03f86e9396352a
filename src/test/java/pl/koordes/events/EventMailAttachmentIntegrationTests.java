package pl.koordes.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.directory.Directory;
import pl.koordes.events.internal.EventRegistrations;
import pl.koordes.events.internal.RegistrationForm;
import pl.koordes.events.internal.RegistrationResult;
import pl.koordes.events.internal.RegistrationStatus;
import pl.koordes.shared.mail.MailAttachment;
import pl.koordes.shared.mail.MailRequested;
import pl.koordes.shared.mail.Mailer;

/**
 * Attachments over a real SMTP server (GreenMail): the confirmation of a seat carries the event's
 * {@code .ics}, and an attachment survives the JSON of the event publication registry, where a message
 * waits until it is delivered.
 */
@SpringBootTest
@ActiveProfiles("test")
// This context (and its PostgreSQL) is used by no other class: free it as soon as the class is done.
@DirtiesContext
class EventMailAttachmentIntegrationTests {

    private static final int SMTP_PORT = freePort();
    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final Locale PL = Locale.forLanguageTag("pl");

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
                    new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    EventRegistrations registrations;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Mailer mailer;

    @Autowired
    EventSerializer serializer;

    @Autowired
    TransactionTemplate transactions;

    EventSamples samples;

    @BeforeEach
    void setUp() throws Exception {
        samples = new EventSamples(jdbc);
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void aConfirmedRegistrationsMailCarriesTheEventsCalendarFile() throws Exception {
        long event = samples.published(5, null);
        long region = directory.region("malopolskie").orElseThrow().id();
        String email = samples.email(1);

        RegistrationResult registered = registrations.register(
                event, RegistrationForm.of("Anna Przykładowa", email, region, SeatMode.ON_SITE), samples.person(1), PL);
        assertThat(registered.status()).isEqualTo(RegistrationStatus.CONFIRMED);

        MimeMessage message = await().atMost(DELIVERY)
                .until(
                        () -> Arrays.stream(smtp.getReceivedMessages())
                                .filter(m -> recipient(m).equals(email))
                                .findFirst()
                                .orElse(null),
                        m -> m != null);
        List<BodyPart> files = attachments(message);
        assertThat(files).hasSize(1);
        BodyPart ics = files.getFirst();
        assertThat(ics.getFileName()).isEqualTo("wydarzenie.ics");
        assertThat(ics.getContentType()).startsWith("text/calendar").containsIgnoringCase("method=PUBLISH");
        String content = new String(ics.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(content)
                .startsWith("BEGIN:VCALENDAR")
                .contains("SUMMARY:")
                .contains(samples.run)
                .contains("UID:event-" + event + "@koordes");
        // The link to the file stays, for programs that ignore attachments.
        assertThat(textOf(message)).contains("/wydarzenia/" + event + "/wydarzenie.ics");
    }

    @Test
    void anAttachmentSurvivesTheStoredPublicationAndArrives() throws Exception {
        byte[] bytes = "zażółć\u0000\u00ff binary".getBytes(StandardCharsets.UTF_8);
        MailAttachment file = new MailAttachment("notatka.bin", "application/octet-stream", bytes);
        MailRequested sent = transactions.execute(status -> mailer.send(
                "jan.kowalski@example.org",
                PL,
                "notifications/mail/check",
                Map.of("note", "z załącznikiem"),
                List.of(file)));

        // What the registry keeps is what a restart would deliver: read it back from the table.
        String stored = jdbc.sql("select serialized_event from event_publication where serialized_event like :id")
                .param("id", "%" + sent.id() + "%")
                .query(String.class)
                .single();
        MailRequested restored = serializer.deserialize(stored, MailRequested.class);
        assertThat(restored).isEqualTo(sent);
        assertThat(restored.attachments().getFirst().content()).isEqualTo(bytes);
        // A publication stored before attachments existed reads back with none.
        String old = stored.replaceAll(",?\"attachments\"\\s*:\\s*\\[[^\\]]*\\]", "");
        assertThat(old).doesNotContain("attachments");
        assertThat(serializer.deserialize(old, MailRequested.class).attachments())
                .isEmpty();

        MimeMessage message = await().atMost(DELIVERY)
                .until(
                        () -> Arrays.stream(smtp.getReceivedMessages())
                                .filter(m -> recipient(m).equals("jan.kowalski@example.org"))
                                .findFirst()
                                .orElse(null),
                        m -> m != null);
        List<BodyPart> files = attachments(message);
        assertThat(files).hasSize(1);
        assertThat(files.getFirst().getFileName()).isEqualTo("notatka.bin");
        assertThat(files.getFirst().getInputStream().readAllBytes()).isEqualTo(bytes);
        assertThat(textOf(message)).contains("z załącznikiem");
    }

    @Test
    void attachmentsOverTheLimitAreRefused() {
        MailAttachment big = new MailAttachment(
                "duzy.bin", "application/octet-stream", new byte[MailRequested.MAX_ATTACHMENT_BYTES + 1]);
        assertThatThrownBy(() -> transactions.execute(status -> mailer.send(
                        "jan.kowalski@example.org", PL, "notifications/mail/check", Map.of("note", "x"), List.of(big))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MailAttachment("../etc/passwd", "text/plain", new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<BodyPart> attachments(Part part) throws Exception {
        List<BodyPart> found = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition())) {
                    found.add(child);
                } else {
                    found.addAll(attachments(child));
                }
            }
        }
        return found;
    }

    private static String textOf(Part part) throws Exception {
        if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                out.append(textOf(multipart.getBodyPart(i)));
            }
            return out.toString();
        }
        return "";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
