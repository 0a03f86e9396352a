package pl.koordes.postulates.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.postulates.PostulateReference;
import pl.koordes.postulates.PostulateStatus;
import pl.koordes.postulates.PublicPostulates;

/** Public postulates for other modules, read without their long texts. */
@Component
@Transactional(readOnly = true)
class PostulateReferences implements PublicPostulates {

    private static final String SELECT =
            "select id, title, region_id, addressee_id, status, submitted_at from postulates_postulate ";

    private final JdbcClient jdbc;

    PostulateReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PostulateReference> findPublic(long id) {
        return jdbc.sql(SELECT + "where id = :id and status not in ('DRAFT', 'MERGED')")
                .param("id", id)
                .query(PostulateReferences::reference)
                .optional();
    }

    @Override
    public Map<Long, PostulateReference> findByIds(Collection<Long> ids) {
        Map<Long, PostulateReference> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql(SELECT + "where id in (:ids) and status <> 'DRAFT' order by id")
                .param("ids", List.copyOf(ids))
                .query(PostulateReferences::reference)
                .list()
                .forEach(p -> found.put(p.id(), p));
        return found;
    }

    @Override
    public List<PostulateReference> latest(int limit) {
        return jdbc.sql(
                        SELECT
                                + "where status not in ('DRAFT', 'MERGED') order by submitted_at desc nulls last, id desc limit :limit")
                .param("limit", limit)
                .query(PostulateReferences::reference)
                .list();
    }

    static PostulateReference reference(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        return new PostulateReference(
                id,
                rs.getString("title"),
                Postulate.path(id),
                rs.getLong("region_id"),
                rs.getLong("addressee_id"),
                PostulateStatus.valueOf(rs.getString("status")),
                PostulateStore.instant(rs, "submitted_at"));
    }
}
