package pl.koordes.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.shared.mail.MailRequested;
import pl.koordes.shared.mail.Mailer;
import pl.koordes.support.IntegrationTest;

/**
 * Issue 19: never two e-mails for one request, whichever node runs the delivery and however often. A delivery
 * run again after the message went out sends nothing and completes; one run while another node is still
 * talking to the mail server sends nothing and fails (to be looked at again later); a delivery the server
 * refused leaves the message free for the next attempt.
 */
@IntegrationTest
class MailDeliveryOnceIntegrationTests {

    @Autowired
    Mailer mailer;

    @Autowired
    JdbcClient jdbc;

    private final AtomicInteger sent = new AtomicInteger();

    private MailRequested message() {
        return mailer.render(
                "jan.kowalski@example.org", Locale.of("pl"), "notifications/mail/check", Map.of("note", "raz"));
    }

    @Test
    void aDeliveryRunAgainAfterTheMessageWentOutSendsNothing() {
        MailRequested mail = message();
        MailDelivery nodeA = new MailDelivery(m -> sent.incrementAndGet(), jdbc);
        MailDelivery nodeB = new MailDelivery(m -> sent.incrementAndGet(), jdbc);

        nodeA.on(mail);
        nodeB.on(mail);
        nodeA.on(mail);

        assertThat(sent).hasValue(1);
    }

    @Test
    void aDeliveryRunWhileAnotherIsUnderWaySendsNothingAndFails() throws Exception {
        MailRequested mail = message();
        CountDownLatch talking = new CountDownLatch(1);
        CountDownLatch accepted = new CountDownLatch(1);
        MailDelivery slow = new MailDelivery(
                m -> {
                    talking.countDown();
                    await(accepted);
                    sent.incrementAndGet();
                },
                jdbc);
        MailDelivery other = new MailDelivery(m -> sent.incrementAndGet(), jdbc);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> slow.on(mail));
        assertThat(talking.await(10, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> other.on(mail)).isInstanceOf(IllegalStateException.class);
        accepted.countDown();
        first.get(10, TimeUnit.SECONDS);
        other.on(mail);

        assertThat(sent).hasValue(1);
    }

    @Test
    void aRefusedDeliveryLeavesTheMessageToTheNextAttempt() {
        MailRequested mail = message();
        MailDelivery refused = new MailDelivery(
                m -> {
                    throw new IllegalStateException("421 try again later");
                },
                jdbc);
        MailDelivery later = new MailDelivery(m -> sent.incrementAndGet(), jdbc);

        assertThatThrownBy(() -> refused.on(mail)).hasMessageContaining("421");
        later.on(mail);
        later.on(mail);

        assertThat(sent).hasValue(1);
        assertThat(jdbc.sql("""
                                select count(*) from notifications_mail_delivery
                                where mail_id = :id and sent_at is not null""").param("id", mail.id()).query(Long.class).single())
                .isOne();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
