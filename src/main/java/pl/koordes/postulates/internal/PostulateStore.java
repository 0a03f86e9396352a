package pl.koordes.postulates.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.postulates.PostulateStatus;

/** Reads postulates one at a time (the page, the forms); lists have their own queries. */
@Repository
@Transactional(readOnly = true)
public class PostulateStore {

    private static final String SELECT = """
            select p.*, coalesce((select array_agg(a.area_code order by a.area_code) from postulates_area a
                                  where a.postulate_id = p.id), '{}') as area_codes
            from postulates_postulate p
            """;

    private final JdbcClient jdbc;

    PostulateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Postulate> find(long id) {
        return jdbc.sql(SELECT + " where p.id = :id")
                .param("id", id)
                .query(PostulateStore::postulate)
                .optional();
    }

    /** The postulate locked for a change: concurrent changes of one postulate wait for each other. */
    @Transactional
    public Optional<Postulate> lock(long id) {
        return jdbc.sql(SELECT + " where p.id = :id for update of p")
                .param("id", id)
                .query(PostulateStore::postulate)
                .optional();
    }

    /** Where a merged postulate's address leads: the end of its chain of merges. */
    public long mergedTarget(long id) {
        return jdbc.sql("""
                        with recursive chain(id, next, depth) as (
                            select id, merged_into_id, 0 from postulates_postulate where id = :id
                            union all
                            select p.id, p.merged_into_id, c.depth + 1 from postulates_postulate p
                            join chain c on p.id = c.next where c.depth < 32
                        )
                        select id from chain where next is null
                        """).param("id", id).query(Long.class).optional().orElse(id);
    }

    static Postulate postulate(ResultSet rs, int row) throws SQLException {
        String[] areas = (String[]) rs.getArray("area_codes").getArray();
        return new Postulate(
                rs.getLong("id"),
                rs.getLong("region_id"),
                rs.getLong("addressee_id"),
                rs.getString("title"),
                rs.getString("problem"),
                rs.getString("proposal"),
                rs.getString("justification"),
                PostulateStatus.valueOf(rs.getString("status")),
                rs.getInt("row_version"),
                (Long) rs.getObject("created_by"),
                instantOrThrow(rs, "created_at"),
                instantOrThrow(rs, "updated_at"),
                instant(rs, "submitted_at"),
                instant(rs, "signing_closes_at"),
                instant(rs, "forwarded_at"),
                rs.getObject("answer_due", LocalDate.class),
                instant(rs, "first_answered_at"),
                instant(rs, "last_answered_at"),
                instant(rs, "withdrawn_at"),
                rs.getString("withdrawal_reason"),
                (Long) rs.getObject("merged_into_id"),
                List.of(areas));
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Instant instantOrThrow(ResultSet rs, String column) throws SQLException {
        Instant value = instant(rs, column);
        if (value == null) {
            throw new SQLException(column + " is null");
        }
        return value;
    }
}
