package pl.koordes.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static pl.koordes.notifications.MailMessages.publications;
import static pl.koordes.notifications.MailMessages.withId;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.KoordesApplication;
import pl.koordes.notifications.MailMessages.Publication;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.mail.MailRequested;
import pl.koordes.shared.mail.Mailer;

/**
 * No mail is lost when the application dies while delivering it: the first application is stopped
 * while its SMTP conversation hangs; on a second one started on the same database the recovery job takes
 * the publication for stale once the first delivery's claim on the message has run out, and the message is
 * delivered exactly once. And a message that failed because the SMTP server was down goes out when the server
 * is back, without a restart.
 */
class MailCrashRecoveryIntegrationTests {

    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration DELIVERY = Duration.ofSeconds(60);

    @TempDir
    Path work;

    private final List<ConfigurableApplicationContext> started = new CopyOnWriteArrayList<>();
    private GreenMail smtp;

    @AfterEach
    void stopEverything() {
        started.forEach(ConfigurableApplicationContext::close);
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void mailCutOffMidDeliveryArrivesExactlyOnceAfterARestart() throws Exception {
        Path database = work.resolve("postgres");
        UUID id;
        try (SilentSmtpServer silent = new SilentSmtpServer()) {
            ConfigurableApplicationContext first =
                    start(database, silent.port(), "--spring.mail.properties.mail.smtp.timeout=600000");
            id = request(first, "maria.wisniewska@example.org").id();
            JdbcClient firstDatabase = first.getBean(JdbcClient.class);

            // The delivery is under way: connected to the server, waiting for its answer, not completed.
            await().atMost(DELIVERY).until(silent::connections, connections -> connections > 0);
            assertThat(publications(firstDatabase, id)).containsExactly(new Publication("PROCESSING", false));

            // Its claim on the message runs out (MailDelivery.CLAIM) as if the crash were three minutes ago.
            assertThat(firstDatabase
                            .sql("update notifications_mail_delivery set claimed_until = now() where mail_id = :id")
                            .param("id", id)
                            .update())
                    .isOne();

            // The crash: the application goes away in the middle of the delivery.
            first.close();
        }

        smtp = new GreenMail(new ServerSetup(MailMessages.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        ConfigurableApplicationContext second = start(
                database,
                smtp.getSmtp().getPort(),
                "--koordes.mail.retry.interval=200ms",
                "--koordes.mail.retry.first-delay=0s",
                "--koordes.mail.retry.max-delay=200ms",
                "--koordes.events.recovery.interval=200ms",
                "--koordes.events.recovery.stale-after=1s");
        JdbcClient secondDatabase = second.getBean(JdbcClient.class);

        await().atMost(DELIVERY)
                .until(
                        () -> publications(secondDatabase, id),
                        list -> list.equals(List.of(new Publication("COMPLETED", true))));
        // Exactly once, and it stays so: no second delivery follows.
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> withId(smtp.getReceivedMessages(), id).size() == 1);
        assertThat(withId(smtp.getReceivedMessages(), id).getFirst().getSubject())
                .isEqualTo("Wiadomość próbna: po awarii");

        // The SMTP server goes down for a while: the message fails, then goes out once the server is back.
        int port = smtp.getSmtp().getPort();
        smtp.stop();
        UUID later = request(second, "jan.kowalski@example.org").id();
        // Tried again and again on the schedule while the server is down, and still not completed.
        await().atMost(DELIVERY)
                .until(
                        () -> secondDatabase
                                .sql("""
                select completion_attempts from event_publication
                where serialized_event like :id and completion_date is null""")
                                .param("id", "%" + later + "%")
                                .query(Integer.class)
                                .optional()
                                .orElse(0),
                        attempts -> attempts >= 2);
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        await().atMost(DELIVERY)
                .until(
                        () -> publications(secondDatabase, later),
                        list -> list.size() == 1 && list.getFirst().completed());
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> withId(smtp.getReceivedMessages(), later).size() == 1);
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

    private static MailRequested request(ConfigurableApplicationContext context, String to) {
        Mailer mailer = context.getBean(Mailer.class);
        return context.getBean(TransactionTemplate.class)
                .execute(status ->
                        mailer.send(to, Language.PL.locale(), "notifications/mail/check", Map.of("note", "po awarii")));
    }

    /** An SMTP server that accepts connections and never answers: a delivery to it hangs mid-way. */
    private static final class SilentSmtpServer implements AutoCloseable {

        private final ServerSocket server;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        SilentSmtpServer() throws IOException {
            server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                try {
                    while (!server.isClosed()) {
                        accepted.add(server.accept());
                    }
                } catch (IOException closed) {
                    // The test is over.
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        int connections() {
            return accepted.size();
        }

        @Override
        public void close() {
            try {
                server.close();
                for (Socket socket : accepted) {
                    socket.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
