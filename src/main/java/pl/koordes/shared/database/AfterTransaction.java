package pl.koordes.shared.database;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs something once the current transaction has ended (committed or rolled back), or at once when
 * there is none. For dropping cached copies of data: dropped before the commit, the cache could be
 * filled again from the old rows by a request running in between.
 */
public final class AfterTransaction {

    private AfterTransaction() {}

    public static void run(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
