package pl.koordes.monitoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.shared.search.AuditedSearchSource;
import pl.koordes.shared.search.SearchAudience;
import pl.koordes.shared.search.SearchEntry;
import pl.koordes.shared.search.SearchIndex;

/**
 * Regional programmes in the search index: every adopted version (in force or superseded) with its goals and
 * actions, found by everyone, as its page {@code /monitoring/regiony/{slug}/wersje/{number}} is public. A draft is
 * not indexed (its page is for the region's people); adopting it is an audited change of the version, which
 * indexes it just before it commits, and discarding a draft removes nothing that was found.
 */
@Component
class ProgrammeSearch extends AuditedSearchSource {

    static final String SOURCE = "programme";

    private static final String VERSIONS = """
            select v.id, v.number, v.name, v.rationale, v.resolution_number, v.period_start, v.period_end,
                p.region_id, r.slug,
                (select string_agg(g.name || coalesce(E'\\n' || g.description, '') || coalesce(E'\\n' || (
                        select string_agg(a.name || coalesce(E'\\n' || a.description, ''), E'\\n' order by a.position)
                        from monitoring_action a where a.goal_id = g.id), ''), E'\\n' order by g.position)
                 from monitoring_goal g where g.version_id = v.id) as goals
            from monitoring_programme_version v
            join monitoring_programme p on p.id = v.programme_id
            join region r on r.id = p.region_id
            where v.status <> 'DRAFT' and v.id > :after and (cast(:id as bigint) is null or v.id = :id)
            order by v.id limit :limit
            """;

    ProgrammeSearch(JdbcClient jdbc, SearchIndex index) {
        super(jdbc, index, SOURCE, "programme-version", VERSIONS);
    }

    @Override
    protected SearchEntry entry(ResultSet rs) throws SQLException {
        StringBuilder body = new StringBuilder();
        for (String column : new String[] {"resolution_number", "rationale", "goals"}) {
            String text = rs.getString(column);
            if (text != null) {
                body.append(text).append('\n');
            }
        }
        return new SearchEntry(
                SOURCE,
                String.valueOf(rs.getLong("id")),
                "programme",
                rs.getLong("region_id"),
                rs.getInt("period_start"),
                rs.getString("name") + " (" + rs.getInt("period_start") + "–" + rs.getInt("period_end") + ")",
                body.toString().strip(),
                "/monitoring/regiony/" + rs.getString("slug") + "/wersje/" + rs.getInt("number"),
                Set.of(SearchAudience.PUBLIC));
    }
}
