package pl.koordes.shared.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads a module's indexable rows in pages of {@value #BATCH}, for {@link SearchSource#entries} (all of them) and
 * for the refresh of one thing (the same statement with its id), so that both read exactly the same rows with the
 * same rule of who may open them. The statement selects a numeric {@code id} column and takes {@code :after}
 * (keyset paging: {@code id > :after order by id}), {@code :id} (null for all) and {@code :limit}; the mapper may
 * answer null for a row that is not indexed.
 */
public final class SearchRows {

    static final int BATCH = 200;

    private SearchRows() {}

    /** Every entry the statement gives, page by page. */
    public static void each(
            JdbcClient jdbc, String sql, RowMapper<@Nullable SearchEntry> row, Consumer<SearchEntry> sink) {
        read(jdbc, sql, null, row, sink);
    }

    /**
     * Puts the thing's entry when the statement still gives it, removes it otherwise (unpublished, deleted, hidden):
     * called just before the change that concerns it commits.
     */
    public static void refresh(
            JdbcClient jdbc,
            SearchIndex index,
            String sql,
            long id,
            String source,
            String sourceId,
            RowMapper<@Nullable SearchEntry> row) {
        List<SearchEntry> found = new ArrayList<>();
        read(jdbc, sql, id, row, found::add);
        if (found.isEmpty()) {
            index.remove(source, sourceId);
        } else {
            found.forEach(index::put);
        }
    }

    private static void read(
            JdbcClient jdbc,
            String sql,
            @Nullable Long id,
            RowMapper<@Nullable SearchEntry> row,
            Consumer<SearchEntry> sink) {
        long[] after = {0};
        while (true) {
            List<@Nullable SearchEntry> batch = jdbc.sql(sql)
                    .param("after", after[0])
                    .param("id", id)
                    .param("limit", BATCH)
                    .query((rs, n) -> {
                        after[0] = rs.getLong("id");
                        return row.mapRow(rs, n);
                    })
                    .list();
            batch.stream().filter(Objects::nonNull).forEach(sink);
            if (batch.size() < BATCH) {
                return;
            }
        }
    }
}
