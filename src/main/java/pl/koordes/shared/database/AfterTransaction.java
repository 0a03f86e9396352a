package pl.koordes.shared.database;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs work once the current transaction has ended, so that a cache dropped after a change is not read
 * again from the database before the change is visible to other connections.
 */
public final class AfterTransaction {

    private AfterTransaction() {
    }

    /** Runs {@code action} when the current transaction completes (committed or rolled back), or at once outside one. */
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
