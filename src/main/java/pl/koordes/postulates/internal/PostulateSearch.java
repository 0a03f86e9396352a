package pl.koordes.postulates.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.search.AuditedSearchSource;
import pl.koordes.shared.search.SearchAudience;
import pl.koordes.shared.search.SearchEntry;
import pl.koordes.shared.search.SearchIndex;
import pl.koordes.shared.security.Role;

/**
 * Postulates in the search index, for exactly who may open their page ({@link PostulatePermissions#canSee}): a
 * submitted one (and every later state) for everyone; a draft for its region's drafters (the region's coordinators
 * and committee members, and nationwide holders of those roles). A merged postulate's address leads to the one it
 * was merged into, which is found instead. Every change of a postulate is audited; the entry is refreshed just
 * before that change commits.
 */
@Component
class PostulateSearch extends AuditedSearchSource {

    static final String SOURCE = "postulate";

    private static final String POSTULATES = """
            select id, region_id, title, problem, proposal, justification, status, submitted_at, created_at
              from postulates_postulate
             where status <> 'MERGED' and id > :after and (cast(:id as bigint) is null or id = :id)
             order by id limit :limit
            """;

    PostulateSearch(JdbcClient jdbc, SearchIndex index) {
        super(jdbc, index, SOURCE, "postulate", POSTULATES);
    }

    @Override
    protected SearchEntry entry(ResultSet rs) throws SQLException {
        long region = rs.getLong("region_id");
        Set<String> audience;
        if ("DRAFT".equals(rs.getString("status"))) {
            audience = new HashSet<>(SearchAudience.role(Role.REGIONAL_COORDINATOR, region));
            audience.addAll(SearchAudience.role(Role.COMMITTEE_MEMBER, region));
        } else {
            audience = Set.of(SearchAudience.PUBLIC);
        }
        Timestamp submitted = rs.getTimestamp("submitted_at");
        Timestamp dated = submitted != null ? submitted : rs.getTimestamp("created_at");
        return new SearchEntry(
                SOURCE,
                String.valueOf(rs.getLong("id")),
                "postulate",
                region,
                dated.toInstant().atZone(Formats.ZONE).getYear(),
                rs.getString("title"),
                String.join("\n", rs.getString("problem"), rs.getString("proposal"), rs.getString("justification")),
                "/postulaty/" + rs.getLong("id"),
                audience);
    }
}
