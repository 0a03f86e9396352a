package pl.koordes.surveys.internal;

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
import pl.koordes.shared.security.Role;
import pl.koordes.surveys.NeedReference;

/**
 * The needs the regions reported, in the search index, for exactly the programme's staff who may open a need's page
 * ({@link SurveyPermissions#canSeeNeeds}: coordinators, committee members, experts, central institutions and the
 * operators), whatever their region; never for participants or visitors. Surveys themselves are {@link SurveySearch}'s.
 */
@Component
class NeedSearch extends AuditedSearchSource {

    static final String SOURCE = "need";

    private static final Set<String> STAFF = Set.of(
            SearchAudience.role(Role.REGIONAL_COORDINATOR),
            SearchAudience.role(Role.COMMITTEE_MEMBER),
            SearchAudience.role(Role.EXPERT),
            SearchAudience.role(Role.CENTRAL_INSTITUTION),
            SearchAudience.role(Role.EDITOR),
            SearchAudience.role(Role.ADMINISTRATOR));

    private static final String NEEDS = """
            select id, topic, description, region_id, created_at from surveys_need
            where id > :after and (cast(:id as bigint) is null or id = :id) order by id limit :limit
            """;

    NeedSearch(JdbcClient jdbc, SearchIndex index) {
        super(jdbc, index, SOURCE, "need", NEEDS);
    }

    @Override
    protected SearchEntry entry(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        return new SearchEntry(
                SOURCE,
                String.valueOf(id),
                "need",
                rs.getObject("region_id", Long.class),
                rs.getTimestamp("created_at").toInstant().atZone(Formats.ZONE).getYear(),
                rs.getString("topic"),
                rs.getString("description"),
                NeedReference.path(id),
                STAFF);
    }
}
