package pl.koordes.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static pl.koordes.notifications.MailMessages.publications;
import static pl.koordes.notifications.MailMessages.withId;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.notifications.MailMessages.Parts;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.mail.MailRequested;
import pl.koordes.shared.mail.Mailer;

/** Mail requested in a transaction reaches a real SMTP server (GreenMail) after the commit, in both languages. */
@SpringBootTest
@ActiveProfiles("test")
// This context (and its PostgreSQL) is used by no other class: free it as soon as the class is done.
@DirtiesContext
class MailSmtpIntegrationTests {

    private static final int SMTP_PORT = MailMessages.freePort();
    private static final String POLISH = "ZAŻÓŁĆ GĘŚLĄ JAŹŃ zażółć gęślą jaźń";
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
                    new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("koordes.mail.from", () -> "Zespół KoordES <powiadomienia@koordes.example>");
        registry.add("koordes.site.base-url", () -> "https://koordes.example/");
    }

    @Autowired
    Mailer mailer;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyTheServer() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void aMessageRequestedInACommittedTransactionArrivesInPolishWithTextAndHtmlParts() throws Exception {
        MailRequested requested = transactions.execute(status -> mailer.send(
                "anna.nowak@example.org", Language.PL.locale(), "notifications/mail/check", Map.of("note", POLISH)));

        MimeMessage message = awaitDelivery(requested.id());
        assertThat(message.getRecipients(Message.RecipientType.TO))
                .extracting(Object::toString)
                .containsExactly("anna.nowak@example.org");
        InternetAddress from = (InternetAddress) message.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("powiadomienia@koordes.example");
        assertThat(from.getPersonal()).isEqualTo("Zespół KoordES");
        assertThat(message.getSubject()).isEqualTo("Wiadomość próbna: " + POLISH);
        assertThat(message.getMessageID()).isEqualTo("<" + requested.id() + "@koordes.example>");
        assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");

        Parts parts = Parts.of(message);
        assertThat(parts.contentType()).startsWith("multipart/alternative");
        assertThat(parts.text().isMimeType("text/plain")).isTrue();
        assertThat(Parts.charset(parts.text())).isEqualToIgnoringCase("UTF-8");
        assertThat(parts.html().isMimeType("text/html")).isTrue();
        assertThat(Parts.charset(parts.html())).isEqualToIgnoringCase("UTF-8");
        // A formal letter: the greeting of Polish official correspondence first, then the text, then the closing.
        assertThat(parts.textBody())
                .containsSubsequence(
                        "Dzień dobry,", "To jest wiadomość próbna.", "Z poważaniem", "Zespół platformy KoordES")
                .contains("Wiadomość próbna: " + POLISH)
                .contains("To jest wiadomość próbna.")
                .contains("Otwórz KoordES (https://koordes.example)")
                .doesNotContain("<p", "&#", "&amp;");
        assertThat(parts.htmlBody())
                .contains("<html lang=\"pl\">")
                .contains(POLISH)
                .contains("href=\"https://koordes.example\"")
                .contains("Ta wiadomość została wysłana automatycznie");

        await().atMost(DELIVERY)
                .until(
                        () -> publications(jdbc, requested.id()),
                        list -> list.size() == 1 && list.getFirst().completed());
    }

    @Test
    void aMessageInEnglishIsWrittenInEnglishAndKeepsItsReplyTo() throws Exception {
        MailRequested requested = transactions.execute(status -> {
            MailRequested mail = mailer.render(
                            "john.smith@example.org",
                            Language.EN.locale(),
                            "notifications/mail/check",
                            Map.of("note", POLISH))
                    .withReplyTo("biuro@rops.example");
            mailer.send(mail);
            return mail;
        });

        MimeMessage message = awaitDelivery(requested.id());
        assertThat(message.getSubject()).isEqualTo("Test message: " + POLISH);
        assertThat(message.getReplyTo()).extracting(Object::toString).containsExactly("biuro@rops.example");
        Parts parts = Parts.of(message);
        assertThat(parts.textBody())
                .containsSubsequence("Hello,", "This is a test message.", "Kind regards,", "The KoordES platform team")
                .contains(POLISH)
                .contains("Open KoordES (https://koordes.example)");
        assertThat(parts.htmlBody()).contains("<html lang=\"en\">").contains("This message was sent automatically");
    }

    @Test
    void aMessageRequestedInATransactionThatRollsBackIsNeverSent() {
        transactions.executeWithoutResult(status -> {
            mailer.send(
                    "rolled.back@example.org",
                    Language.PL.locale(),
                    "notifications/mail/check",
                    Map.of("note", "wycofane"));
            status.setRollbackOnly();
        });
        MailRequested after = transactions.execute(status -> mailer.send(
                "committed@example.org",
                Language.PL.locale(),
                "notifications/mail/check",
                Map.of("note", "zatwierdzone")));

        awaitDelivery(after.id());
        // Nothing was stored for the rolled-back message, so nothing can ever deliver it, not even after a restart.
        assertThat(jdbc.sql(
                                "select count(*) from event_publication where serialized_event like '%rolled.back@example.org%'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void sendingOutsideATransactionIsRefusedRatherThanLost() {
        assertThatThrownBy(() -> mailer.send(
                        "anna.nowak@example.org",
                        Language.PL.locale(),
                        "notifications/mail/check",
                        Map.of("note", "bez transakcji")))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void anInvalidOrInjectedAddressIsRefusedWhenRequested() {
        for (String address : List.of(
                "not an address",
                "anna@example.org\r\nBcc: all@example.org",
                "anna@example.org, other@example.org",
                "Anna <anna@example.org>",
                "")) {
            assertThatThrownBy(() -> transactions.executeWithoutResult(status -> mailer.send(
                            address, Language.PL.locale(), "notifications/mail/check", Map.of("note", "x"))))
                    .as(address)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private MimeMessage awaitDelivery(UUID id) {
        return await().atMost(DELIVERY)
                .until(() -> withId(smtp.getReceivedMessages(), id), list -> !list.isEmpty())
                .getFirst();
    }
}
