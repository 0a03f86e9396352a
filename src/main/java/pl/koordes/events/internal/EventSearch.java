package pl.koordes.events.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import pl.koordes.shared.audit.Audited;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.search.SearchAudience;
import pl.koordes.shared.search.SearchChanges;
import pl.koordes.shared.search.SearchEntry;
import pl.koordes.shared.search.SearchIndex;
import pl.koordes.shared.search.SearchRows;
import pl.koordes.shared.search.SearchSource;

/**
 * Events in the search index. An event's page is public once it leaves the drafts ({@link EventPermissions#canView}:
 * published, cancelled and completed events alike; who may register does not limit who may read), so every such
 * event is found by everyone, a cancelled one too (its page says it is cancelled, and people look for it). A draft is
 * not indexed. Every change of an event is audited; the entry is refreshed just before that change commits.
 */
@Component
class EventSearch implements SearchSource {

    static final String SOURCE = "event";

    private static final String EVENTS = """
            select id, region_id, title, description, venue, starts_at from event
            where status <> 'DRAFT' and id > :after and (cast(:id as bigint) is null or id = :id) order by id limit :limit
            """;

    private final JdbcClient jdbc;
    private final SearchIndex index;

    EventSearch(JdbcClient jdbc, SearchIndex index) {
        this.jdbc = jdbc;
        this.index = index;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public void entries(Consumer<SearchEntry> sink) {
        SearchRows.each(jdbc, EVENTS, (rs, n) -> entry(rs), sink);
    }

    /** Refreshes the event an audited change concerns, before the change commits. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void changed(Audited change) {
        Long id = SearchChanges.idOf(change, "event");
        if (id != null) {
            SearchRows.refresh(jdbc, index, EVENTS, id, SOURCE, String.valueOf(id), (rs, n) -> entry(rs));
        }
    }

    private static SearchEntry entry(ResultSet rs) throws SQLException {
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
