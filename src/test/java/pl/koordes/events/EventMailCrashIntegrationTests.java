package pl.koordes.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.KoordesApplication;
import pl.koordes.events.internal.EventRegistrations;
import pl.koordes.events.internal.RegistrationForm;
import pl.koordes.events.internal.RegistrationResult;
import pl.koordes.events.internal.RegistrationStatus;

/**
 * A registration's e-mail survives a crash between the commit and the sending: the application dies while
 * its SMTP conversation hangs; a second application on the same database sends the confirmation request
 * exactly once. The mechanism is the notifications module's (see MailCrashRecoveryIntegrationTests); this
 * proves the events module uses it, in the registration's own transaction.
 */
class EventMailCrashIntegrationTests {

    private static final Duration DELIVERY = Duration.ofSeconds(90);
    private static final String VISITOR = "po.awarii@test.koordes.example";

    @TempDir
    Path work;

    private final List<ConfigurableApplicationContext> started = new CopyOnWriteArrayList<>();
    private GreenMail smtp;

    @AfterEach
    void stop() {
        started.forEach(ConfigurableApplicationContext::close);
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void theConfirmationRequestIsSentOnceAfterTheApplicationDiedMidDelivery() throws Exception {
        Path database = work.resolve("postgres");
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            List<Socket> connections = new CopyOnWriteArrayList<>();
            Thread.ofVirtual().start(() -> {
                try {
                    while (!silent.isClosed()) {
                        connections.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // The server is closed at the end of the first half.
                }
            });
            ConfigurableApplicationContext first =
                    start(database, silent.getLocalPort(), "--spring.mail.properties.mail.smtp.timeout=600000");
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            EventSamples samples = new EventSamples(jdbc);
            long event = samples.published(10, null);
            long region = jdbc.sql("select id from region where slug = 'malopolskie'")
                    .query(Long.class)
                    .single();
            RegistrationResult registered = first.getBean(EventRegistrations.class)
                    .register(
                            event,
                            RegistrationForm.of("Anna Przykładowa", VISITOR, region, SeatMode.ON_SITE),
                            null,
                            Locale.forLanguageTag("pl"));
            assertThat(registered.status()).isEqualTo(RegistrationStatus.PENDING);

            // The delivery has begun and hangs; its claim on the message runs out (MailDelivery) as if the crash
            // were minutes ago; then the application goes away.
            await().atMost(DELIVERY).until(() -> !connections.isEmpty());
            jdbc.sql("update notifications_mail_delivery set claimed_until = now()")
                    .update();
            first.close();
            for (Socket socket : connections) {
                socket.close();
            }
        }

        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        start(
                database,
                smtp.getSmtp().getPort(),
                "--koordes.mail.retry.interval=200ms",
                "--koordes.mail.retry.first-delay=0s",
                "--koordes.mail.retry.max-delay=200ms",
                // No republishing at start-up (several nodes): the recovery job takes the dead node's publication.
                "--koordes.events.recovery.interval=200ms",
                "--koordes.events.recovery.stale-after=1s");
        await().atMost(DELIVERY).until(() -> toVisitor().size() == 1);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> toVisitor().size() == 1);
        assertThat(toVisitor().getFirst().getSubject()).startsWith("Potwierdź zgłoszenie");
    }

    private List<MimeMessage> toVisitor() {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(a -> a.toString().equals(VISITOR));
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    private ConfigurableApplicationContext start(Path database, int smtpPort, String... extra) {
        String[] arguments = Stream.concat(
                        Stream.of(
                                "--server.port=0",
                                "--koordes.db.embedded.data-dir=" + database,
                                "--spring.mail.host=127.0.0.1",
                                "--spring.mail.port=" + smtpPort),
                        Stream.of(extra))
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(KoordesApplication.class)
                .profiles("test")
                .run(arguments);
        started.add(context);
        return context;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
