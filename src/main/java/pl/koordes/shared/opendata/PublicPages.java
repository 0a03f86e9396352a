package pl.koordes.shared.opendata;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How a {@link PublicDataset} reads a page from its own table: a where clause built from the query's filters,
 * then two statements whatever the page size — the count and the page.
 */
public final class PublicPages {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    private final StringBuilder where;
    private final Map<String, Object> params = new LinkedHashMap<>();

    private PublicPages(String condition) {
        this.where = new StringBuilder(condition);
    }

    /** Rows that meet {@code condition} (SQL, {@code true} for all). */
    public static PublicPages where(String condition) {
        return new PublicPages(condition);
    }

    /** Adds a parameter the condition names. */
    public PublicPages param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** Adds a condition with the query's region as {@code :region}, when it names one. */
    public PublicPages region(PublicQuery query, String condition) {
        Long region = query.regionId();
        if (region != null) {
            where.append(" and ").append(condition);
            params.put("region", region);
        }
        return this;
    }

    /** Keeps rows whose {@code column} (a moment) falls on the query's days, Warsaw time, both ends included. */
    public PublicPages days(PublicQuery query, String column) {
        if (query.firstDay() != null) {
            where.append(" and ").append(column).append(" >= :first_moment");
            params.put(
                    "first_moment",
                    Timestamp.from(query.firstDay().atStartOfDay(WARSAW).toInstant()));
        }
        if (query.lastDay() != null) {
            where.append(" and ").append(column).append(" < :after_last");
            params.put(
                    "after_last",
                    Timestamp.from(
                            query.lastDay().plusDays(1).atStartOfDay(WARSAW).toInstant()));
        }
        return this;
    }

    /**
     * The count, then the page: {@code select <columns> from <from> where … order by <order> limit … offset …}.
     *
     * @param from the table with its alias, or a subquery with one
     */
    public PublicRows read(
            JdbcClient jdbc,
            PublicQuery query,
            String columns,
            String from,
            String order,
            RowMapper<Map<String, @Nullable Object>> row) {
        long total = jdbc.sql("select count(*) from " + from + " where " + where)
                .params(params)
                .query(Long.class)
                .single();
        Map<String, Object> page = new LinkedHashMap<>(params);
        page.put("limit", query.size());
        page.put("offset", query.offset());
        List<Map<String, @Nullable Object>> items = jdbc.sql("select " + columns + " from " + from + " where " + where
                        + " order by " + order + " limit :limit offset :offset")
                .params(page)
                .query(row)
                .list();
        return new PublicRows(items, total);
    }
}
