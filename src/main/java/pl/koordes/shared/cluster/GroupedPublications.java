package pl.koordes.shared.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring Modulith's event publications of one transaction inserted together, in one statement just before it commits,
 * instead of one insert (through a transactional proxy) each as they are published. A group commit of a hundred
 * registrations stores a hundred e-mails: one statement then, where there were a hundred round trips under the event's
 * lock (bench/README.md, "Eighth round").
 *
 * <p>Nothing else changes: outside a transaction a publication is inserted at once, as before; a transaction that rolls
 * back stores none (as before, with nothing to take back); the listeners run after the commit, by which time the rows
 * are written. The insert comes after every before-commit step of the transaction (which may publish too: the
 * comments' notices to moderators are published there) and a failed insert rolls the transaction back.
 */
@Configuration(proxyBeanMethods = false)
class GroupedPublications {

    @Bean
    static BeanPostProcessor groupedPublicationInserts(
            ObjectProvider<JdbcClient> jdbc, ObjectProvider<EventSerializer> serializer) {
        WriteBeforeCommit writer = new WriteBeforeCommit();
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractPlatformTransactionManager manager) {
                    manager.addListener(writer);
                }
                if (bean instanceof EventPublicationRepository repository && !(bean instanceof GroupedInserts)) {
                    GroupedInserts grouped = new GroupedInserts(repository, jdbc.getObject(), serializer.getObject());
                    writer.inserts = grouped;
                    return grouped;
                }
                return bean;
            }
        };
    }

    /**
     * Writes the committing transaction's publications at the last moment before its commit: after every
     * synchronization's before-commit step, which may publish events too (the comments' notices to moderators do). A
     * synchronization registered during those steps would not be called itself (Spring calls the ones it had when they
     * began), and a failure there would be only logged; a listener's failure here rolls the transaction back.
     */
    static final class WriteBeforeCommit implements TransactionExecutionListener {

        private volatile @Nullable GroupedInserts inserts;

        @Override
        public void beforeCommit(TransactionExecution transaction) {
            GroupedInserts grouped = inserts;
            if (grouped != null
                    && TransactionSynchronizationManager.getResource(grouped)
                            instanceof GroupedInserts.Pending pending) {
                pending.write();
            }
        }
    }

    /** The repository with {@link #create} deferred to the transaction's end; every other call goes through. */
    static final class GroupedInserts implements EventPublicationRepository {

        // The columns of Spring Modulith's own insert (JdbcEventPublicationRepositoryV2), for the same rows.
        private static final String INSERT = """
                insert into event_publication (id, event_type, listener_id, publication_date, serialized_event, status,
                                               completion_attempts, last_resubmission_date)
                select id, event_type, listener_id, published, serialized, status, 1, published
                from unnest(cast(:ids as uuid[]), cast(:types as text[]), cast(:listeners as text[]),
                            cast(:dates as timestamptz[]), cast(:events as text[]), cast(:statuses as text[]))
                     as t(id, event_type, listener_id, published, serialized, status)""";

        private final EventPublicationRepository delegate;
        private final JdbcClient jdbc;
        private final EventSerializer serializer;

        GroupedInserts(EventPublicationRepository delegate, JdbcClient jdbc, EventSerializer serializer) {
            this.delegate = delegate;
            this.jdbc = jdbc;
            this.serializer = serializer;
        }

        @Override
        public TargetEventPublication create(TargetEventPublication publication) {
            if (!TransactionSynchronizationManager.isSynchronizationActive()
                    || !TransactionSynchronizationManager.isActualTransactionActive()) {
                return delegate.create(publication);
            }
            Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
            if (pending == null) {
                pending = new Pending();
                TransactionSynchronizationManager.bindResource(this, pending);
                TransactionSynchronizationManager.registerSynchronization(pending);
            } else if (pending.written) {
                return delegate.create(publication);
            }
            pending.publications.add(publication);
            return publication;
        }

        /**
         * The publications of one transaction not yet inserted: inserted by {@link WriteBeforeCommit}, forgotten
         * after the transaction ends; put aside while a transaction of its own runs in between.
         */
        final class Pending implements TransactionSynchronization {

            private final List<TargetEventPublication> publications = new ArrayList<>();
            private boolean written;

            void write() {
                if (!written) {
                    written = true;
                    insertAll(publications);
                }
            }

            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResource(GroupedInserts.this);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(GroupedInserts.this, this);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(GroupedInserts.this);
            }
        }

        private void insertAll(List<TargetEventPublication> publications) {
            int n = publications.size();
            if (n == 0) {
                return;
            }
            String[] ids = new String[n];
            String[] types = new String[n];
            String[] listeners = new String[n];
            String[] dates = new String[n];
            String[] events = new String[n];
            String[] statuses = new String[n];
            for (int i = 0; i < n; i++) {
                TargetEventPublication publication = publications.get(i);
                ids[i] = publication.getIdentifier().toString();
                types[i] = publication.getEvent().getClass().getName();
                listeners[i] = publication.getTargetIdentifier().getValue();
                dates[i] = publication.getPublicationDate().toString();
                events[i] = serializer.serialize(publication.getEvent()).toString();
                statuses[i] = publication.getStatus().name();
            }
            jdbc.sql(INSERT)
                    .param("ids", ids)
                    .param("types", types)
                    .param("listeners", listeners)
                    .param("dates", dates)
                    .param("events", events)
                    .param("statuses", statuses)
                    .update();
        }

        @Override
        public void markProcessing(UUID identifier) {
            delegate.markProcessing(identifier);
        }

        @Override
        public void markCompleted(TargetEventPublication publication, Instant completionDate) {
            delegate.markCompleted(publication, completionDate);
        }

        @Override
        public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
            delegate.markCompleted(event, identifier, completionDate);
        }

        @Override
        public void markCompleted(UUID identifier, Instant completionDate) {
            delegate.markCompleted(identifier, completionDate);
        }

        @Override
        public void markFailed(UUID identifier) {
            delegate.markFailed(identifier);
        }

        @Override
        public boolean markResubmitted(UUID identifier, Instant instant) {
            return delegate.markResubmitted(identifier, instant);
        }

        @Override
        public List<TargetEventPublication> findIncompletePublications() {
            return delegate.findIncompletePublications();
        }

        @Override
        public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
            return delegate.findIncompletePublicationsPublishedBefore(instant);
        }

        @Override
        public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(
                Object event, PublicationTargetIdentifier targetIdentifier) {
            return delegate.findIncompletePublicationsByEventAndTargetIdentifier(event, targetIdentifier);
        }

        @Override
        public List<TargetEventPublication> findCompletedPublications() {
            return delegate.findCompletedPublications();
        }

        @Override
        public void deletePublications(List<UUID> identifiers) {
            delegate.deletePublications(identifiers);
        }

        @Override
        public void deleteCompletedPublications() {
            delegate.deleteCompletedPublications();
        }

        @Override
        public void deleteCompletedPublicationsBefore(Instant instant) {
            delegate.deleteCompletedPublicationsBefore(instant);
        }

        @Override
        public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
            return delegate.findFailedPublications(criteria);
        }

        @Override
        public List<TargetEventPublication> findByStatus(EventPublication.Status status) {
            return delegate.findByStatus(status);
        }

        @Override
        public int countByStatus(EventPublication.Status status) {
            return delegate.countByStatus(status);
        }
    }
}
