package pl.koordes.shared.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.accounts.internal.PasswordReset;
import pl.koordes.shared.notice.NoticeRequested;
import pl.koordes.shared.notice.NotificationKind;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;

/**
 * Issue 19: event publications with several nodes. Nothing is republished at start-up; the recovery job (one node
 * at a time) takes a publication left unfinished by a node that died (published or processing for longer than
 * {@code stale-after}) and has it handled exactly once, leaves alone one another node is processing right now,
 * and repairs one whose completion a late update overwrote. Listeners are safe to run twice: a password reset
 * handled again sends no second link.
 */
@IntegrationTest
class EventPublicationRecoveryIntegrationTests {

    private static final Duration HANDLED = Duration.ofSeconds(30);

    @Autowired
    EventPublicationRecovery recovery;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationContext context;

    @Autowired
    EventRecoverySettings settings;

    @Test
    void aPublicationLeftByADeadNodeIsHandledExactlyOnceAndOneStillBeingProcessedIsLeftAlone() {
        assertThat(settings.staleAfter()).isEqualTo(Duration.ofMinutes(5));
        NoticeRequested crashed = notice("Po awarii węzła A");
        NoticeRequested running = notice("W toku na węźle B");
        UUID crashedCopy = orphan(crashed, "PROCESSING", Duration.ofMinutes(10));
        UUID publishedCopy = orphan(notice("Opublikowane, nie podjęte"), "PUBLISHED", Duration.ofMinutes(6));
        UUID runningCopy = orphan(running, "PROCESSING", Duration.ofSeconds(20));

        recovery.recover();

        await().atMost(HANDLED).until(() -> completed(crashedCopy) && completed(publishedCopy));
        assertThat(stored(crashed.id()))
                .as("the crashed node's notice, stored once")
                .isOne();
        assertThat(attempts(crashedCopy)).isOne();
        assertThat(status(runningCopy))
                .as("another node is still processing this one")
                .isEqualTo("PROCESSING");
        assertThat(stored(running.id())).isZero();

        // The next turns take nothing again: the completed one stays completed, the running one is still young.
        recovery.recover();
        recovery.recover();
        assertThat(attempts(crashedCopy)).isOne();
        assertThat(stored(crashed.id())).isOne();
        assertThat(status(runningCopy)).isEqualTo("PROCESSING");

        // Once it too is older than stale-after, its node is taken for dead and it is handled.
        age(runningCopy, Duration.ofMinutes(6));
        recovery.recover();
        await().atMost(HANDLED).until(() -> completed(runningCopy));
        assertThat(stored(running.id())).isOne();
    }

    @Test
    void aCompletedPublicationMarkedFailedByALateUpdateIsRepairedNotRunAgain() {
        NoticeRequested notice = notice("Ukończone, potem oznaczone jako nieudane");
        UUID copy = orphan(notice, "PROCESSING", Duration.ofMinutes(10));
        jdbc.sql("update event_publication set completion_date = now(), status = 'FAILED' where id = :id")
                .param("id", copy)
                .update();

        recovery.recover();

        assertThat(status(copy)).isEqualTo("COMPLETED");
        assertThat(attempts(copy)).isZero();
        assertThat(stored(notice.id())).isZero();
    }

    @Test
    void aPasswordResetHandledAgainSendsNoSecondLink() {
        String email = DemoAccounts.EXPERT_OTHER;
        Instant since = Instant.now().minusSeconds(1);
        context.getBean(PasswordReset.class).requestLink(email);
        UUID first = await().atMost(HANDLED)
                .until(() -> completedPublication("accounts.password-reset-request", email), id -> id != null);
        assertThat(mailsTo(email, since)).isOne();

        // Its node died after the listener's transaction committed, before the publication was marked completed.
        UUID again = copyAsUnfinished(first, "PROCESSING", Duration.ofMinutes(10));
        recovery.recover();

        await().atMost(HANDLED).until(() -> completed(again));
        assertThat(mailsTo(email, since)).as("the second run sent nothing").isOne();
    }

    private NoticeRequested notice(String text) {
        return NoticeRequested.of(4242, NotificationKind.EVENT_CANCELLED, text, "/wydarzenia/4242", Instant.now());
    }

    /**
     * Publishes {@code notice}, waits until it is stored, then leaves it as a crashed node would: its notice not
     * stored, and a publication of it in {@code status}, published {@code ago}.
     */
    private UUID orphan(NoticeRequested notice, String status, Duration ago) {
        transactions.executeWithoutResult(ignored -> context.publishEvent(notice));
        UUID handled = await().atMost(HANDLED)
                .until(
                        () -> completedPublication(
                                "%NoticeDelivery%", notice.id().toString()),
                        id -> id != null);
        jdbc.sql("delete from notifications_notice where id = :id")
                .param("id", notice.id())
                .update();
        return copyAsUnfinished(handled, status, ago);
    }

    private UUID copyAsUnfinished(UUID publication, String status, Duration ago) {
        UUID copy = UUID.randomUUID();
        jdbc.sql("""
                        insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
                            completion_date, status, completion_attempts, last_resubmission_date)
                        select :copy, listener_id, event_type, serialized_event,
                            now() - make_interval(secs => :ago), null, :status, 0, null
                        from event_publication where id = :id""")
                .param("copy", copy)
                .param("ago", ago.toSeconds())
                .param("status", status)
                .param("id", publication)
                .update();
        return copy;
    }

    private void age(UUID publication, Duration ago) {
        jdbc.sql("update event_publication set publication_date = now() - make_interval(secs => :ago) where id = :id")
                .param("ago", ago.toSeconds())
                .param("id", publication)
                .update();
    }

    private UUID completedPublication(String listener, String content) {
        return jdbc.sql("""
                        select id from event_publication
                        where listener_id like :listener and serialized_event like :content
                          and completion_date is not null
                        order by publication_date desc limit 1""")
                .param("listener", listener)
                .param("content", "%" + content + "%")
                .query(UUID.class)
                .optional()
                .orElse(null);
    }

    private boolean completed(UUID publication) {
        return "COMPLETED".equals(status(publication));
    }

    private String status(UUID publication) {
        return jdbc.sql("select status from event_publication where id = :id")
                .param("id", publication)
                .query(String.class)
                .single();
    }

    private int attempts(UUID publication) {
        return jdbc.sql("select coalesce(completion_attempts, 0) from event_publication where id = :id")
                .param("id", publication)
                .query(Integer.class)
                .single();
    }

    private long stored(UUID notice) {
        return jdbc.sql("select count(*) from notifications_notice where id = :id")
                .param("id", notice)
                .query(Long.class)
                .single();
    }

    private long mailsTo(String email, Instant since) {
        return jdbc.sql("""
                        select count(*) from event_publication
                        where listener_id = 'notifications.mail-delivery' and serialized_event like :email
                          and publication_date >= :since""")
                .param("email", "%" + email + "%")
                .param("since", java.sql.Timestamp.from(since))
                .query(Long.class)
                .single();
    }
}
