package pl.koordes.shared.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.support.IntegrationTest;

/**
 * The event publications of one transaction are written together just before it commits ({@link GroupedPublications}):
 * none is in the table while the transaction runs, all are after the commit, as Spring Modulith itself would have
 * written them; none after a rollback; a transaction of its own started in between commits its own.
 */
@IntegrationTest
class GroupedPublicationsIntegrationTests {

    private static final String LISTENER = "test.grouped-publications";

    /** An event only this test publishes (no listener runs it: the rows are removed afterwards). */
    record Probe(String text) {}

    @Autowired
    EventPublicationRepository publications;

    @Autowired
    EventSerializer serializer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void removeTheProbes() {
        jdbc.sql("delete from event_publication where listener_id = ?")
                .param(LISTENER)
                .update();
    }

    @Test
    void aTransactionsPublicationsAreWrittenTogetherAtItsCommitAsSpringModulithWritesThem() {
        assertThat(publications).isInstanceOf(GroupedPublications.GroupedInserts.class);
        Instant published = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<TargetEventPublication> made = List.of(
                publication(new Probe("pierwsza „ąę”"), published),
                publication(new Probe("druga"), published),
                publication(new Probe("trzecia"), published));

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            made.forEach(publications::create);
            assertThat(stored()).as("nothing written before the commit").isZero();
        });

        assertThat(stored()).isEqualTo(3);
        List<TargetEventPublication> incomplete = publications.findIncompletePublications().stream()
                .filter(p -> p.getTargetIdentifier().getValue().equals(LISTENER))
                .toList();
        assertThat(incomplete)
                .extracting(
                        TargetEventPublication::getIdentifier,
                        TargetEventPublication::getEvent,
                        TargetEventPublication::getPublicationDate)
                .containsExactlyInAnyOrderElementsOf(made.stream()
                        .map(p -> tuple(p.getIdentifier(), p.getEvent(), p.getPublicationDate()))
                        .toList());
        assertThat(jdbc.sql("""
                        select count(*) from event_publication
                        where listener_id = ? and status = 'PUBLISHED' and completion_attempts = 1
                          and last_resubmission_date = publication_date and event_type = ?""")
                        .param(LISTENER)
                        .param(Probe.class.getName())
                        .query(Integer.class)
                        .single())
                .as("the columns Spring Modulith's own insert fills")
                .isEqualTo(3);
        // The completion by event (Spring Modulith's fallback) finds the row by its serialized text.
        publications.markCompleted(made.get(0).getEvent(), PublicationTargetIdentifier.of(LISTENER), Instant.now());
        assertThat(publications.findIncompletePublications().stream()
                        .filter(p -> p.getTargetIdentifier().getValue().equals(LISTENER)))
                .hasSize(2);
    }

    @Test
    void aRolledBackTransactionWritesNoneAndAnInnerTransactionWritesItsOwn() {
        Instant published = Instant.now();
        TransactionTemplate outer = new TransactionTemplate(transactions);
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        assertThatThrownBy(() -> outer.executeWithoutResult(status -> {
                    publications.create(publication(new Probe("wycofana"), published));
                    inner.executeWithoutResult(s -> publications.create(publication(new Probe("własna"), published)));
                    assertThat(stored())
                            .as("the inner transaction's, at its commit")
                            .isEqualTo(1);
                    throw new IllegalStateException("rolled back");
                }))
                .hasMessage("rolled back");

        assertThat(jdbc.sql("select serialized_event from event_publication where listener_id = ?")
                        .param(LISTENER)
                        .query(String.class)
                        .list())
                .containsExactly(serializer.serialize(new Probe("własna")).toString());
    }

    @Test
    void aPublicationMadeInAnotherStepBeforeTheCommitIsWrittenToo() {
        // As the comments' notices to moderators are published: the transaction's first publication, made while
        // Spring runs the synchronizations' before-commit steps.
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    publications.create(publication(new Probe("przed zatwierdzeniem"), Instant.now()));
                }
            });
            publications.create(publication(new Probe("w transakcji"), Instant.now()));
        });
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    publications.create(publication(new Probe("jedyna"), Instant.now()));
                }
            });
        });

        assertThat(stored()).isEqualTo(3);
    }

    @Test
    void aFailedWriteRollsTheTransactionBack() {
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    // The transaction's own write, to be rolled back with it.
                    jdbc.sql("""
                                    insert into event_publication (id, listener_id, event_type, serialized_event,
                                                                   publication_date)
                                    values (?, ?, 'x', '{}', now())""").param(UUID.randomUUID()).param(LISTENER).update();
                    TargetEventPublication made = publication(new Probe("pierwsza"), Instant.now());
                    publications.create(made);
                    // The same id twice: the insert at the commit fails on the primary key.
                    publications.create(made);
                }))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(stored()).as("nothing of the transaction stays").isZero();
    }

    @Test
    void outsideATransactionAPublicationIsWrittenAtOnce() {
        publications.create(publication(new Probe("od razu"), Instant.now()));
        assertThat(stored()).isEqualTo(1);
    }

    private static TargetEventPublication publication(Probe probe, Instant published) {
        return TargetEventPublication.of(probe, PublicationTargetIdentifier.of(LISTENER), published);
    }

    private int stored() {
        return jdbc.sql("select count(*) from event_publication where listener_id = ?")
                .param(LISTENER)
                .query(Integer.class)
                .single();
    }
}
