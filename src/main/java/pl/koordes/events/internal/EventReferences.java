package pl.koordes.events.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.events.EventLevel;
import pl.koordes.events.EventReference;
import pl.koordes.events.EventStatus;
import pl.koordes.events.PublicEvents;

/** Public events for other modules, read without their long texts. */
@Component
@Transactional(readOnly = true)
class EventReferences implements PublicEvents {

    private static final String SELECT =
            "select id, title, title_en, level, status, starts_at, ends_at from event e where e.status <> 'DRAFT' ";

    private final JdbcClient jdbc;
    private final Clock clock;

    EventReferences(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<EventReference> find(long id) {
        return jdbc.sql(SELECT + "and e.id = :id")
                .param("id", id)
                .query(EventReferences::reference)
                .optional();
    }

    @Override
    public Map<Long, EventReference> findByIds(Collection<Long> ids) {
        Map<Long, EventReference> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql(SELECT + "and e.id in (:ids) order by e.starts_at, e.id")
                .param("ids", List.copyOf(ids))
                .query(EventReferences::reference)
                .list()
                .forEach(e -> found.put(e.id(), e));
        return found;
    }

    @Override
    public List<EventReference> latest(int limit) {
        return jdbc.sql(SELECT + "order by e.starts_at desc, e.id desc limit :limit")
                .param("limit", limit)
                .query(EventReferences::reference)
                .list();
    }

    @Override
    public List<EventReference> upcomingNational(int limit) {
        return jdbc.sql(SELECT + """
                        and e.level = 'NATIONAL' and e.status = 'PUBLISHED' and e.ends_at > :now
                        order by e.starts_at, e.id limit :limit""")
                .param("now", Timestamp.from(clock.instant()))
                .param("limit", limit)
                .query(EventReferences::reference)
                .list();
    }

    static EventReference reference(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        String titleEn = rs.getString("title_en");
        return new EventReference(
                id,
                rs.getString("title"),
                titleEn == null ? "" : titleEn,
                "/wydarzenia/" + id,
                EventLevel.valueOf(rs.getString("level")),
                EventStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant());
    }
}
