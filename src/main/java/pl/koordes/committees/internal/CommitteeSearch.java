package pl.koordes.committees.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import pl.koordes.committees.CommitteeChanged;
import pl.koordes.shared.audit.Audited;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.search.SearchAudience;
import pl.koordes.shared.search.SearchChanges;
import pl.koordes.shared.search.SearchEntry;
import pl.koordes.shared.search.SearchIndex;
import pl.koordes.shared.search.SearchRows;
import pl.koordes.shared.search.SearchSource;
import pl.koordes.shared.security.Role;

/**
 * Committee resolutions and meetings in the search index, each for exactly who may open its page: a public
 * resolution for everyone; an internal one for the committee's insiders ({@link CommitteePermissions#canSeeInternal}:
 * the region's committee members and coordinators, nationwide holders of those roles, administrators). A meeting's
 * page is for insiders only, and only in the space of the region's current committee (older terms' meetings answer
 * 404 there), so only the current committee's meetings are indexed, drafts not at all (the secretary works on them
 * from the space). A public meeting is found as its event. Each change is audited; its entry is refreshed just
 * before the change commits.
 */
@Component
class CommitteeSearch implements SearchSource {

    static final String SOURCE = "committee";

    /** The committee a region's space shows: the term covering today, else the latest (Directory.committee). */
    private static final String CURRENT_COMMITTEE = """
            (select c.id from committee c where c.region_id = m.region_id
              order by (cast(now() at time zone 'Europe/Warsaw' as date) between c.term_start and c.term_end) desc,
                       c.term_start desc limit 1)""";

    private static final String RESOLUTIONS = """
            select r.id, r.region_id, g.slug, r.kind, r.number, r.title, r.body, r.year, r.public_resolution
              from committee_resolution r join region g on g.id = r.region_id
             where r.id > :after and (cast(:id as bigint) is null or r.id = :id) order by r.id limit :limit
            """;

    private static final String MEETINGS = """
            select m.id, m.region_id, g.slug, m.title, m.agenda, m.place, m.starts_at
              from committee_meeting m join region g on g.id = m.region_id
             where m.status <> 'DRAFT' and m.committee_id =\s""" + CURRENT_COMMITTEE + """

               and m.id > :after and (cast(:id as bigint) is null or m.id = :id) order by m.id limit :limit
            """;

    private final JdbcClient jdbc;
    private final SearchIndex index;

    CommitteeSearch(JdbcClient jdbc, SearchIndex index) {
        this.jdbc = jdbc;
        this.index = index;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    /** 2: a resolution's title carries its kind and number. */
    @Override
    public int version() {
        return 2;
    }

    @Override
    public void entries(Consumer<SearchEntry> sink) {
        SearchRows.each(jdbc, RESOLUTIONS, (rs, n) -> resolution(rs), sink);
        SearchRows.each(jdbc, MEETINGS, (rs, n) -> meeting(rs), sink);
    }

    /** Refreshes the resolution or meeting an audited change concerns, before the change commits. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void changed(Audited change) {
        Long resolution = SearchChanges.idOf(change, CommitteeChanged.RESOLUTION);
        if (resolution != null) {
            SearchRows.refresh(
                    jdbc,
                    index,
                    RESOLUTIONS,
                    resolution,
                    SOURCE,
                    "resolution:" + resolution,
                    (rs, n) -> resolution(rs));
        }
        Long meeting = SearchChanges.idOf(change, CommitteeChanged.MEETING);
        if (meeting != null) {
            SearchRows.refresh(jdbc, index, MEETINGS, meeting, SOURCE, "meeting:" + meeting, (rs, n) -> meeting(rs));
        }
    }

    /** Who may read the committee's internal matters of the region: exactly {@code canSeeInternal}. */
    static Set<String> insiders(long regionId) {
        Set<String> audience = new HashSet<>(SearchAudience.role(Role.COMMITTEE_MEMBER, regionId));
        audience.addAll(SearchAudience.role(Role.REGIONAL_COORDINATOR, regionId));
        audience.add(SearchAudience.role(Role.ADMINISTRATOR));
        return audience;
    }

    private static SearchEntry resolution(ResultSet rs) throws SQLException {
        long region = rs.getLong("region_id");
        long id = rs.getLong("id");
        return new SearchEntry(
                SOURCE,
                "resolution:" + id,
                "resolution",
                region,
                rs.getInt("year"),
                // As its page names it: "Uchwała nr 3/2026 w sprawie …" (the index holds one language, Polish).
                ("OPINION".equals(rs.getString("kind")) ? "Opinia nr " : "Uchwała nr ") + rs.getInt("number") + "/"
                        + rs.getInt("year") + " " + rs.getString("title"),
                rs.getString("body"),
                "/komitet/" + rs.getString("slug") + "/uchwaly/" + id,
                rs.getBoolean("public_resolution") ? Set.of(SearchAudience.PUBLIC) : insiders(region));
    }

    private static SearchEntry meeting(ResultSet rs) throws SQLException {
        long region = rs.getLong("region_id");
        long id = rs.getLong("id");
        String place = rs.getString("place");
        return new SearchEntry(
                SOURCE,
                "meeting:" + id,
                "meeting",
                region,
                rs.getTimestamp("starts_at").toInstant().atZone(Formats.ZONE).getYear(),
                rs.getString("title"),
                rs.getString("agenda") + (place == null ? "" : "\n" + place),
                "/komitet/" + rs.getString("slug") + "/posiedzenia/" + id,
                insiders(region));
    }
}
