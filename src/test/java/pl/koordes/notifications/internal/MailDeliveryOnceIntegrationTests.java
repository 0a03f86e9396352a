package pl.koordes.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.shared.mail.MailRequested;
import pl.koordes.shared.mail.Mailer;
import pl.koordes.support.IntegrationTest;

/**
 * Issue 19: never two e-mails for one request, whichever node runs the delivery and however often. A delivery
 * run again after the message went out sends nothing and completes; one run while another node is still
 * talking to the mail server sends nothing and fails (to be looked at again later); a delivery the server
 * refused leaves the message free for the next attempt, also when it was refused after it had been recorded sent
 * (at the end of its data); deliveries running at the same time, claimed in groups, still send each message once.
 */
@IntegrationTest
class MailDeliveryOnceIntegrationTests {

    @Autowired
    Mailer mailer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private final AtomicInteger sent = new AtomicInteger();

    private MailRequested message() {
        return mailer.render(
                "jan.kowalski@example.org", Locale.of("pl"), "notifications/mail/check", Map.of("note", "raz"));
    }

    @Test
    void aDeliveryRunAgainAfterTheMessageWentOutSendsNothing() {
        MailRequested mail = message();
        MailDelivery nodeA = new MailDelivery(m -> sent.incrementAndGet(), jdbc, transactions);
        MailDelivery nodeB = new MailDelivery(m -> sent.incrementAndGet(), jdbc, transactions);

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
        // Still writing the message: not yet at its end, where the delivery records it sent.
        MailTransport writing = handingOver(record -> {
            talking.countDown();
            await(accepted);
            record.prepare();
            record.commit();
            sent.incrementAndGet();
        });
        MailDelivery slow = new MailDelivery(writing, jdbc, transactions);
        MailDelivery other = new MailDelivery(m -> sent.incrementAndGet(), jdbc, transactions);

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
                jdbc,
                transactions);
        MailDelivery later = new MailDelivery(m -> sent.incrementAndGet(), jdbc, transactions);

        assertThatThrownBy(() -> refused.on(mail)).hasMessageContaining("421");
        later.on(mail);
        later.on(mail);

        assertThat(sent).hasValue(1);
        assertThat(jdbc.sql("""
                                select count(*) from notifications_mail_delivery
                                where mail_id = :id and sent_at is not null""").param("id", mail.id()).query(Long.class).single())
                .isOne();
    }

    @Test
    void aMessageRefusedAtItsEndIsRecordedUnsentAndFreeForTheNextAttempt() {
        MailRequested mail = message();
        MailTransport refusedAtTheEnd = handingOver(record -> {
            record.prepare();
            record.commit();
            throw new IllegalStateException("554 refused at the end of the data");
        });

        assertThatThrownBy(() -> new MailDelivery(refusedAtTheEnd, jdbc, transactions).on(mail))
                .hasMessageContaining("554");
        assertThat(jdbc.sql("select sent_at is not null from notifications_mail_delivery where mail_id = :id")
                        .param("id", mail.id())
                        .query(Boolean.class)
                        .single())
                .isFalse();
        MailDelivery later = new MailDelivery(m -> sent.incrementAndGet(), jdbc, transactions);
        later.on(mail);
        later.on(mail);

        assertThat(sent).hasValue(1);
    }

    @Test
    void manyDeliveriesAtOnceOnTwoNodesClaimedInGroupsSendEachMessageOnce() throws Exception {
        List<MailRequested> mails = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            mails.add(message());
        }
        Map<UUID, AtomicInteger> sends = new ConcurrentHashMap<>();
        MailTransport counting =
                m -> sends.computeIfAbsent(m.id(), id -> new AtomicInteger()).incrementAndGet();
        MailDelivery nodeA = new MailDelivery(counting, jdbc, transactions);
        MailDelivery nodeB = new MailDelivery(counting, jdbc, transactions);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> runs = new ArrayList<>();
            // Every message run on both nodes, and twice on A, all at once: groups of claims form on each node.
            for (MailRequested mail : mails) {
                for (MailDelivery node : List.of(nodeA, nodeB, nodeA)) {
                    runs.add(threads.submit(() -> {
                        try {
                            node.on(mail);
                        } catch (IllegalStateException takenElsewhere) {
                            // Being delivered by another run at that moment: the retry would look again later.
                        }
                    }));
                }
            }
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdown();
        }

        assertThat(sends).hasSize(mails.size());
        assertThat(sends.values()).allSatisfy(count -> assertThat(count).hasValue(1));
        assertThat(jdbc.sql("select count(*) from notifications_mail_delivery"
                                + " where mail_id = any(cast(:ids as uuid[])) and sent_at is not null")
                        .param("ids", mails.stream().map(m -> m.id().toString()).toArray(String[]::new))
                        .query(Long.class)
                        .single())
                .isEqualTo(mails.size());
    }

    /** A transport that runs {@code steps} with the delivery's record, as an SMTP conversation would around its end. */
    private static MailTransport handingOver(Consumer<MailTransport.HandOver> steps) {
        return new MailTransport() {
            @Override
            public void deliver(MailRequested m) {
                throw new AssertionError("the delivery hands the message over with its record");
            }

            @Override
            public void deliver(MailRequested m, HandOver record) {
                steps.accept(record);
            }
        };
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
