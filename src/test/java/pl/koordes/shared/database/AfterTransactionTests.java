package pl.koordes.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

class AfterTransactionTests {

    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void runsAtOnceOutsideATransaction() {
        AfterTransaction.run(runs::incrementAndGet);
        assertThat(runs).hasValue(1);
    }

    @Test
    void waitsUntilTheTransactionHasEnded() {
        TransactionSynchronizationManager.initSynchronization();
        try {
            AfterTransaction.run(runs::incrementAndGet);
            assertThat(runs).hasValue(0);
            TransactionSynchronizationUtils.invokeAfterCompletion(
                    TransactionSynchronizationManager.getSynchronizations(),
                    TransactionSynchronization.STATUS_COMMITTED);
            assertThat(runs).hasValue(1);
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }
}
