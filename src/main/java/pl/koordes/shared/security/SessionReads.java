package pl.koordes.shared.security;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How Spring Session's JDBC store runs its statements: reading a session by its id outside any transaction, everything
 * else as Spring Session does by default (each operation in a new transaction of its own, {@code REQUIRES_NEW}).
 *
 * <p>A signed-in page reads its session on every request. That read is one {@code SELECT} (the session's row joined
 * with its attributes), atomic by itself in PostgreSQL's autocommit; wrapping it in a transaction of its own added a
 * {@code BEGIN}/{@code COMMIT}, the connection's auto-commit switched off and back, and Spring's transaction
 * machinery to every page (issue 19, item 5). Only the read {@link SparseSessionTouches#findById} announces through
 * {@link #reading} goes without: the announcement is used up by the first operation, so a store that deletes the
 * expired session it just read does that in its usual transaction.
 */
final class SessionReads implements TransactionOperations {

    private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

    private final ObjectProvider<PlatformTransactionManager> transactionManager;
    private volatile @Nullable TransactionTemplate writes;

    SessionReads(ObjectProvider<PlatformTransactionManager> transactionManager) {
        this.transactionManager = transactionManager;
    }

    /** Runs a session look-up whose first store operation (the read) needs no transaction of its own. */
    static <T> T reading(Supplier<T> read) {
        READING.set(Boolean.TRUE);
        try {
            return read.get();
        } finally {
            READING.remove();
        }
    }

    @Override
    public <T extends @Nullable Object> T execute(TransactionCallback<T> action) throws TransactionException {
        if (READING.get() != null) {
            READING.remove();
            return action.doInTransaction(new SimpleTransactionStatus(false));
        }
        return writes().execute(action);
    }

    /** Spring Session's own default: a new transaction for each operation. */
    private TransactionTemplate writes() {
        TransactionTemplate template = writes;
        if (template == null) {
            template = new TransactionTemplate(transactionManager.getObject());
            template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            template.afterPropertiesSet();
            writes = template;
        }
        return template;
    }
}
