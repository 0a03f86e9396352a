package pl.koordes.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

/** The session store's read goes without a transaction of its own; everything else gets a new one, as before. */
class SessionReadsTests {

    private final List<Integer> begun = new ArrayList<>();
    private final SessionReads reads = new SessionReads(transactions());

    @Test
    void theAnnouncedReadRunsWithoutATransactionAndOnlyIt() {
        String found = SessionReads.reading(() -> {
            String read = reads.execute(status -> "row");
            // A store deleting the expired session it just read: its usual transaction.
            reads.execute(status -> "deleted");
            return read;
        });

        assertThat(found).isEqualTo("row");
        assertThat(begun).containsExactly(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Test
    void writesAndUnannouncedReadsRunInANewTransaction() {
        reads.execute(status -> "saved");
        reads.execute(status -> "found by index");

        assertThat(begun)
                .containsExactly(
                        TransactionDefinition.PROPAGATION_REQUIRES_NEW, TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private ObjectProvider<PlatformTransactionManager> transactions() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("transactionManager", new PlatformTransactionManager() {
            @Override
            public TransactionStatus getTransaction(@Nullable TransactionDefinition definition) {
                begun.add(definition == null ? -1 : definition.getPropagationBehavior());
                return new SimpleTransactionStatus(true);
            }

            @Override
            public void commit(TransactionStatus status) {}

            @Override
            public void rollback(TransactionStatus status) {}
        });
        return beans.getBeanProvider(PlatformTransactionManager.class);
    }
}
