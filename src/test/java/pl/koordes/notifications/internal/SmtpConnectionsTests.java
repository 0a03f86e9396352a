package pl.koordes.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import pl.koordes.support.TestSmtp;

/**
 * SMTP connections are kept open between messages, and a connection the server dropped meanwhile costs no message:
 * the one sent next goes over a new connection (GreenMail, no Spring).
 */
class SmtpConnectionsTests {

    private static final MailTransport.HandOver NOTHING = new Steps(() -> {});

    /** A record that writes down the steps it was asked to take, running {@code onPrepare} as its first. */
    private static final class Steps implements MailTransport.HandOver {
        private final Runnable onPrepare;
        private final List<String> taken = new ArrayList<>();

        Steps(Runnable onPrepare) {
            this.onPrepare = onPrepare;
        }

        @Override
        public void prepare() {
            taken.add("prepare");
            onPrepare.run();
        }

        @Override
        public void commit() {
            taken.add("commit");
        }

        @Override
        public void abandon() {
            taken.add("abandon");
        }
    }

    private int port;
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private GreenMail smtp;
    private SmtpConnections connections;
    private JavaMailSenderImpl sender;

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetup.SMTP.dynamicPort());
        smtp.start();
        port = smtp.getSmtp().getPort();
        sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.timeout", "10000");
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "10000");
        connections = new SmtpConnections(sender, nanos::get);
    }

    @AfterEach
    void stop() {
        connections.close();
        smtp.stop();
    }

    @Test
    void messagesInARowShareOneConnection() throws Exception {
        for (int i = 0; i < 10; i++) {
            connections.send(message("osoba" + i + "@example.org"), NOTHING);
        }
        assertThat(smtp.getReceivedMessages()).hasSize(10);
        assertThat(connections.openedCount()).isEqualTo(1);
        assertThat(connections.idleCount()).isEqualTo(1);
    }

    @Test
    void parallelDeliveriesEachSendEveryMessageOnceOnAFewConnections() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String to = "rownolegle" + i + "@example.org";
                sent.add(threads.submit(() -> {
                    connections.send(message(to), NOTHING);
                    return null;
                }));
            }
            for (Future<?> done : sent) {
                done.get();
            }
        } finally {
            threads.shutdown();
        }
        assertThat(Arrays.stream(smtp.getReceivedMessages())
                        .map(SmtpConnectionsTests::recipient)
                        .distinct())
                .hasSize(60);
        assertThat(smtp.getReceivedMessages()).hasSize(60);
        assertThat(connections.openedCount()).isLessThanOrEqualTo(4);
    }

    @Test
    void aConnectionTheServerDroppedBetweenMessagesCostsNoMessage() throws Exception {
        connections.send(message("przed@example.org"), NOTHING);
        // The server goes away and comes back: the connection kept open is dead.
        smtp.stop();
        smtp = server();
        smtp.start();

        connections.send(message("po1@example.org"), NOTHING);
        connections.send(message("po2@example.org"), NOTHING);

        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(SmtpConnectionsTests::recipient))
                .containsExactly("po1@example.org", "po2@example.org");
        assertThat(connections.openedCount()).isEqualTo(2);
    }

    @Test
    void aServerThatIsDownFailsTheMessageAndKeepsNothingOpen() throws Exception {
        connections.send(message("przed@example.org"), NOTHING);
        smtp.stop();

        assertThatThrownBy(() -> connections.send(message("nikt@example.org"), NOTHING))
                .isInstanceOf(MailSendException.class);
        assertThat(connections.idleCount()).isZero();

        smtp = server();
        smtp.start();
        connections.send(message("znowu@example.org"), NOTHING);
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(SmtpConnectionsTests::recipient))
                .containsExactly("znowu@example.org");
    }

    @Test
    void connectionsIdleForLongAreClosed() throws Exception {
        connections.send(message("raz@example.org"), NOTHING);
        connections.closeIdle();
        assertThat(connections.idleCount()).isEqualTo(1);

        nanos.addAndGet(SmtpConnections.IDLE.toNanos() + 1);
        connections.closeIdle();
        assertThat(connections.idleCount()).isZero();

        connections.send(message("dwa@example.org"), NOTHING);
        assertThat(connections.openedCount()).isEqualTo(2);
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    void theSentRecordIsPreparedBeforeTheEndOfTheDataAndCommittedBeforeTheAnswer() throws Exception {
        connections.send(message("przed@example.org"), NOTHING);
        List<Integer> receivedWhenPrepared = new ArrayList<>();
        Steps record = new Steps(() -> receivedWhenPrepared.add(smtp.getReceivedMessages().length));

        connections.send(message("zapisana@example.org"), record);

        // When the record was written the server had the whole message but had not accepted it: only the first one.
        assertThat(receivedWhenPrepared).containsExactly(1);
        assertThat(record.taken).containsExactly("prepare", "commit");
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(SmtpConnectionsTests::recipient))
                .containsExactly("przed@example.org", "zapisana@example.org");
    }

    @Test
    void aMessageThatCouldNotBeRecordedSentIsNotDelivered() throws Exception {
        connections.send(message("przed@example.org"), NOTHING);
        Steps record = new Steps(() -> {
            throw new IllegalStateException("the database is gone");
        });

        assertThatThrownBy(() -> connections.send(message("niezapisana@example.org"), record))
                .isInstanceOf(MailSendException.class)
                .hasRootCauseMessage("the database is gone");
        connections.send(message("po@example.org"), NOTHING);

        // The connection was dropped before the end of the data: the server threw that message away.
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(SmtpConnectionsTests::recipient))
                .containsExactly("przed@example.org", "po@example.org");
        // Tried on the kept connection, then once on a new one; the data was ended on neither.
        assertThat(record.taken).containsExactly("prepare", "abandon", "prepare", "abandon");
    }

    private GreenMail server() {
        return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    private MimeMessage message(String to) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        message.setFrom(new InternetAddress("powiadomienia@koordes.example"));
        message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(to, true));
        message.setSubject("Próba");
        message.setText("Treść");
        message.saveChanges();
        return message;
    }

    private static String recipient(MimeMessage message) {
        return TestSmtp.recipients(message).getFirst();
    }
}
