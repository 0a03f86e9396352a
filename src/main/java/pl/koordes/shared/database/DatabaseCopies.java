package pl.koordes.shared.database;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.shared.mail.MailRequested;

/**
 * Notices at start that the database is a copy — restored from a logical backup, or moved to a new cluster by
 * {@code pg_upgrade} — and makes it safe to serve: the sessions it holds are ended (they are as old as the backup:
 * a session signed out, or of a person whose password was changed since, would work again), and the mail that was
 * waiting in it is held instead of sent (most of it was delivered after the backup was taken; sending it again
 * would repeat it). Everything else that was waiting in the registry of event publications runs again as usual:
 * its effects were lost with the rest of what happened after the backup.
 *
 * <p>A database is known by PostgreSQL's cluster identifier and its own OID, recorded at the first start; a
 * restored copy has another pair. Runs while the beans are created, so before the registry of event publications
 * resubmits anything and before the first request; several nodes starting on one copy do it once (an advisory
 * lock, then the identity is compared again).
 */
@Component
class DatabaseCopies implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(DatabaseCopies.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DatabaseCopies(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        transactions.executeWithoutResult(status -> check());
    }

    private void check() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('koordes.database-identity'))")
                .query()
                .singleValue();
        String current = jdbc.sql("""
                        select (select system_identifier::text from pg_control_system()) || '/'
                            || (select oid::text from pg_database where datname = current_database())
                        """).query(String.class).single();
        Optional<String> recorded = jdbc.sql("select identity from shared_database_identity where id = 1")
                .query(String.class)
                .optional();
        Timestamp now = Timestamp.from(clock.instant());
        if (recorded.isEmpty()) {
            jdbc.sql("insert into shared_database_identity (id, identity, recorded_at) values (1, :identity, :now)")
                    .param("identity", current)
                    .param("now", now)
                    .update();
            return;
        }
        if (recorded.get().equals(current)) {
            return;
        }
        int sessions = jdbc.sql("delete from spring_session").update();
        List<UUID> held = jdbc.sql("""
                        update event_publication set completion_date = :now, status = 'COMPLETED'
                        where listener_id = :listener and completion_date is null
                        returning id
                        """)
                .param("now", now)
                .param("listener", MailRequested.DELIVERY_LISTENER_ID)
                .query(UUID.class)
                .list();
        for (UUID id : held) {
            jdbc.sql("insert into shared_held_mail (publication_id, held_at) values (:id, :now)")
                    .param("id", id)
                    .param("now", now)
                    .update();
        }
        jdbc.sql("update shared_database_identity set identity = :identity, recorded_at = :now where id = 1")
                .param("identity", current)
                .param("now", now)
                .update();
        log.warn(
                "This database is a copy of another (restored from a backup, or moved by pg_upgrade): was {}, now {}."
                        + " {} sessions ended (everyone signs in again); {} messages that were waiting to be sent are"
                        + " held in shared_held_mail, not sent (see docs/operations.md, Backups)",
                recorded.get(),
                current,
                sessions,
                held.size());
    }
}
