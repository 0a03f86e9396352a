package pl.koordes.notifications.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.shared.database.GroupCommit;
import pl.koordes.shared.mail.MailRequested;
import pl.koordes.shared.web.RunningRequests;

/**
 * Delivers each requested message after its transaction commits. A failure is thrown on, which
 * leaves the event publication failed: {@link MailRetry} tries it again later; one left unfinished by a node
 * that died is marked failed after {@code koordes.events.recovery.stale-after} and tried again the same way.
 *
 * <p>Never two e-mails for one request: before talking to the mail server a delivery claims the message in
 * {@code notifications_mail_delivery} (for {@link #CLAIM}, longer than the SMTP timeouts allow a conversation
 * to last; {@code koordes.mail.delivery-claim}) and records it sent around the line that ends the message: the
 * record is written before that line and committed after it, before the server's answer is read
 * ({@link HandOverSmtpTransport} says why that leaves only microseconds for a crash to repeat a message, and none to
 * lose one). If the server then refuses the message, the record is taken back. A second run of the same publication
 * (a resubmission, or a node that took it for stale) finds it sent and completes without sending, or finds it claimed
 * by a delivery still under way and fails, to be looked at again later. The claims of deliveries running at the same
 * time are written together, one statement for each group; each "sent" record is written by its own delivery, so
 * that nothing stands between the end of the message and its commit.
 */
@Component
class MailDelivery {

    /** Kept stable in the event publication table: renaming this class must not orphan queued mail. */
    static final String LISTENER_ID = MailRequested.DELIVERY_LISTENER_ID;

    /**
     * How long a delivery under way keeps others from sending the same message, unless
     * {@code koordes.mail.delivery-claim} says otherwise: longer than the SMTP timeouts let one conversation last.
     */
    static final Duration CLAIM = Duration.ofMinutes(3);

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private enum Claim {
        OURS,
        SENT,
        TAKEN
    }

    private final MailTransport transport;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Duration claim;
    private final @Nullable RunningRequests requests;
    private final Duration yieldAtMost;

    /**
     * The claims of the deliveries running at the same time on this node, written in one statement per group
     * ({@link GroupCommit}: whoever has the turn writes what the others queued meanwhile). Each delivery still talks to
     * the mail server on its own thread.
     */
    private final GroupCommit<Boolean, UUID, Claim> claims;

    @Autowired
    MailDelivery(
            MailTransport transport,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            @Value("${koordes.mail.delivery-claim:PT3M}") Duration claim,
            @Nullable RunningRequests requests,
            @Value("${koordes.events.yield-to-requests:PT10S}") Duration yieldAtMost) {
        this.transport = transport;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.claim = claim;
        this.requests = requests;
        this.yieldAtMost = yieldAtMost;
        ReentrantLock claimTurn = new ReentrantLock(true);
        this.claims = new GroupCommit<>(key -> claimTurn, transactions, (key, ids) -> claimAll(ids));
    }

    /** A delivery with the default claim that never waits for a quiet moment (tests). */
    MailDelivery(MailTransport transport, JdbcClient jdbc, TransactionTemplate transactions) {
        this(transport, jdbc, transactions, CLAIM, null, Duration.ZERO);
    }

    // No transaction around the delivery: a slow SMTP server must not hold a database connection.
    @ApplicationModuleListener(id = LISTENER_ID, propagation = Propagation.NOT_SUPPORTED)
    void on(MailRequested mail) {
        // During a burst of visitors (a thousand registering at once) the e-mails wait a few seconds for a quiet
        // moment, so that the burst has the processors and the database to itself (bench/README.md, "Eighth round").
        if (requests != null) {
            requests.awaitQuiet(yieldAtMost);
        }
        switch (claims.submit(Boolean.TRUE, mail.id())) {
            case SENT -> log.info("Mail {} ({}) was delivered before, not sent again", mail.id(), mail.kind());
            case TAKEN -> throw new IllegalStateException("Mail " + mail.id() + " is being delivered elsewhere");
            case OURS -> deliver(mail);
        }
    }

    private void deliver(MailRequested mail) {
        try {
            transport.deliver(mail, new SentRecord(mail.id()));
        } catch (RuntimeException e) {
            // Refused, or cut off: free for the next attempt, and not sent (the record is taken back if it was made).
            jdbc.sql("""
                            update notifications_mail_delivery set claimed_until = now(), sent_at = null
                            where mail_id = :id""").param("id", mail.id()).update();
            log.warn(
                    "Mail {} ({}) not delivered, it stays queued for another attempt: {}",
                    mail.id(),
                    mail.kind(),
                    e.toString());
            throw e;
        }
        log.info("Mail {} ({}) delivered", mail.id(), mail.kind());
    }

    /**
     * The record that one message was sent, in a transaction of its own that the transport holds open across the end
     * of the message (a few writes, on the delivering thread): begun and written in {@link #prepare()}, committed or
     * rolled back in the next step.
     */
    private final class SentRecord implements MailTransport.HandOver {

        private final UUID id;
        private @Nullable TransactionStatus open;

        SentRecord(UUID id) {
            this.id = id;
        }

        @Override
        public void prepare() {
            PlatformTransactionManager manager = manager();
            TransactionStatus status = manager.getTransaction(transactions);
            try {
                jdbc.sql("update notifications_mail_delivery set sent_at = now() where mail_id = :id")
                        .param("id", id)
                        .update();
            } catch (RuntimeException e) {
                manager.rollback(status);
                throw e;
            }
            open = status;
        }

        @Override
        public void commit() {
            end(true);
        }

        @Override
        public void abandon() {
            end(false);
        }

        private void end(boolean commit) {
            TransactionStatus status = open;
            if (status == null) {
                return;
            }
            open = null;
            if (commit) {
                manager().commit(status);
            } else {
                manager().rollback(status);
            }
        }

        private PlatformTransactionManager manager() {
            return Objects.requireNonNull(transactions.getTransactionManager(), "transaction manager");
        }
    }

    /** Claims a group of messages in one statement: each is ours, sent already, or being delivered elsewhere. */
    private List<Claim> claimAll(List<UUID> ids) {
        String[] texts = ids.stream().map(UUID::toString).distinct().toArray(String[]::new);
        Set<UUID> ours = new HashSet<>(jdbc.sql("""
                        insert into notifications_mail_delivery (mail_id, claimed_until)
                        select id, now() + make_interval(secs => :seconds) from unnest(cast(:ids as uuid[])) as t(id)
                        on conflict (mail_id) do update set claimed_until = excluded.claimed_until
                        where notifications_mail_delivery.sent_at is null
                          and notifications_mail_delivery.claimed_until < now()
                        returning mail_id""")
                .param("ids", texts)
                .param("seconds", claim.toMillis() / 1000.0)
                .query(UUID.class)
                .list());
        Set<UUID> sent = ours.size() == texts.length
                ? Set.of()
                : new HashSet<>(
                        jdbc.sql("""
                                select mail_id from notifications_mail_delivery
                                where mail_id = any(cast(:ids as uuid[])) and sent_at is not null""").param("ids", texts).query(UUID.class).list());
        List<Claim> claimed = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            // The same message twice in a group (run twice at once) is ours once: the second finds it taken.
            claimed.add(ours.remove(id) ? Claim.OURS : sent.contains(id) ? Claim.SENT : Claim.TAKEN);
        }
        return claimed;
    }

    /** Forgets deliveries older than {@code days} days (no publication is retried that late). */
    int forgetOlderThanDays(int days) {
        return jdbc.sql("""
                        delete from notifications_mail_delivery
                        where claimed_until < now() - make_interval(days => :days)""").param("days", days).update();
    }
}
