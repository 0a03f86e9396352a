package pl.koordes.events.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.search.AuditedSearchSource;
import pl.koordes.shared.search.SearchAudience;
import pl.koordes.shared.search.SearchEntry;
import pl.koordes.shared.search.SearchIndex;

/**
 * Events in the search index. An event's page is public once it leaves the drafts ({@link EventPermissions#canView}:
 * published, cancelled and completed events alike; who may register does not limit who may read), so every such
 * event is found by everyone, a cancelled one too (its page says it is cancelled, and people look for it). A draft is
 * not indexed. Every change of an event is audited; the entry is refreshed just before that change commits.
 */
@Component
class EventSearch extends AuditedSearchSource {

    static final String SOURCE = "event";

    private static final String EVENTS = """
            select id, region_id, title, description, venue, starts_at from event
            where status <> 'DRAFT' and id > :after and (cast(:id as bigint) is null or id = :id) order by id limit :limit
            """;

    EventSearch(JdbcClient jdbc, SearchIndex index) {
        super(jdbc, index, SOURCE, "event", EVENTS);
    }

    @Override
    protected SearchEntry entry(ResultSet rs) throws SQLException {
        String venue = rs.getString("venue");
        return new SearchEntry(
                SOURCE,
                String.valueOf(rs.getLong("id")),
                "event",
                rs.getObject("region_id", Long.class),
                rs.getTimestamp("starts_at").toInstant().atZone(Formats.ZONE).getYear(),
                rs.getString("title"),
                rs.getString("description") + (venue == null ? "" : "\n" + venue),
                "/wydarzenia/" + rs.getLong("id"),
                Set.of(SearchAudience.PUBLIC));
    }
}
