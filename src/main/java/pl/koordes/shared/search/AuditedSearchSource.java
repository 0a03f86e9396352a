package pl.koordes.shared.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import pl.koordes.shared.audit.Audited;

/**
 * A source whose entries are one per row of one statement ({@link SearchRows}) and whose every change is an audited
 * change of one target type: the module names the statement and maps a row, and this keeps the backfill and the
 * refresh before each such change commits, the same for every module that indexes this way.
 */
public abstract class AuditedSearchSource implements SearchSource {

    private final JdbcClient jdbc;
    private final SearchIndex index;
    private final String source;
    private final String targetType;
    private final String rows;

    /**
     * @param targetType the {@link Audited#auditTargetType()} whose numeric target id is a row's id
     * @param rows the statement, as {@link SearchRows} describes it
     */
    protected AuditedSearchSource(JdbcClient jdbc, SearchIndex index, String source, String targetType, String rows) {
        this.jdbc = jdbc;
        this.index = index;
        this.source = source;
        this.targetType = targetType;
        this.rows = rows;
    }

    /** The entry of one row of the statement, or null when the row is not indexed. */
    protected abstract @Nullable SearchEntry entry(ResultSet rs) throws SQLException;

    @Override
    public final String source() {
        return source;
    }

    @Override
    public void entries(Consumer<SearchEntry> sink) {
        SearchRows.each(jdbc, rows, (rs, n) -> entry(rs), sink);
    }

    /** Refreshes the row an audited change concerns, just before that change commits. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    public void changed(Audited change) {
        Long id = SearchChanges.idOf(change, targetType);
        if (id != null) {
            SearchRows.refresh(jdbc, index, rows, id, source, String.valueOf(id), (rs, n) -> entry(rs));
        }
    }
}
