package pl.koordes.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.shared.i18n.Formats;

/**
 * Reads a region's coordination workspace, non-public contacts included: callers check
 * {@link DirectoryPermissions} first. Every lookup of a membership is bound to the region's committee in
 * office, so an id from another region's committee finds nothing. A fixed number of queries whatever the data.
 */
@Service
@Transactional(readOnly = true)
public class RegionCoordination {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Clock clock;

    public RegionCoordination(JdbcClient jdbc, Directory directory, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Everything the workspace shows in two statements: the region's description, its ROPS and its committee in office
     * in one (each at most one row, joined to the region), that committee's memberships in the other. They were four,
     * and the page is the one a coordinator keeps open.
     */
    public Optional<RegionWorkspace> workspace(Region region) {
        LocalDate today = today();
        Optional<Heading> heading = jdbc.sql(
                        """
                        select r.description_pl, r.description_en,
                               i.id, i.kind, i.name, i.street, i.postal_code, i.city, i.email, i.phone, i.website,
                               c.id as committee_id, c.name as committee_name, c.term_start as committee_term_start,
                               c.term_end as committee_term_end
                        from region r
                        left join lateral (%s) i on true
                        left join lateral (%s) c on true
                        where r.id = :region
                        """.formatted(ropsOf("r.id"), DirectoryProfiles.committeeInOfficeOf("r.id")))
                .param("region", region.id())
                .param("today", today)
                .query(RegionCoordination::heading)
                .optional();
        RegionDescription description = heading.map(Heading::description).orElse(RegionDescription.NONE);
        Optional<Institution> rops = heading.flatMap(Heading::rops);
        Optional<Committee> committee = heading.flatMap(Heading::committee);
        List<MemberWithContact> members = committee.map(c -> members(c.id())).orElse(List.of());
        List<MemberWithContact> current = members.stream()
                .filter(m ->
                        m.member().termEnd() == null || !m.member().termEnd().isBefore(today))
                .toList();
        List<MemberWithContact> past = members.stream()
                .filter(m ->
                        m.member().termEnd() != null && m.member().termEnd().isBefore(today))
                .toList();
        return Optional.of(new RegionWorkspace(region, description, rops, committee, current, past));
    }

    /** The workspace's first statement: the region's description, its ROPS and its committee in office. */
    private record Heading(RegionDescription description, Optional<Institution> rops, Optional<Committee> committee) {}

    private static Heading heading(ResultSet rs, int row) throws SQLException {
        RegionDescription description =
                new RegionDescription(rs.getString("description_pl"), rs.getString("description_en"));
        Optional<Institution> rops =
                rs.getObject("id") == null ? Optional.empty() : Optional.of(Institution.of(rs, row));
        Optional<Committee> committee = rs.getObject("committee_id") == null
                ? Optional.empty()
                : Optional.of(new Committee(
                        rs.getLong("committee_id"),
                        rs.getString("committee_name"),
                        rs.getObject("committee_term_start", LocalDate.class),
                        rs.getObject("committee_term_end", LocalDate.class),
                        List.of()));
        return new Heading(description, rops, committee);
    }

    /** One membership of the region's committee in office; empty for any other id, another region's included. */
    public Optional<MemberWithContact> member(long regionId, long membershipId) {
        return jdbc.sql(MEMBER_SELECT + """
                         where m.id = :id and m.committee_id = (select c.id from (%s) as c)
                        """.formatted(DirectoryProfiles.committeeInOfficeOf(":region")))
                .param("id", membershipId)
                .param("region", regionId)
                .param("today", today())
                .query(RegionCoordination::member)
                .optional();
    }

    /** The region's ROPS: the first one when, unusually, there are several. */
    public Optional<Institution> rops(long regionId) {
        return jdbc.sql(ropsOf(":region"))
                .param("region", regionId)
                .query(Institution::of)
                .optional();
    }

    /** The statement that finds a region's ROPS ({@link #rops}), for the region given as SQL. */
    private static String ropsOf(String region) {
        return """
                select id, kind, name, street, postal_code, city, email, phone, website from institution
                where region_id = %s and kind = 'ROPS' order by id limit 1""".formatted(region);
    }

    /** The regions in Polish alphabetical order whose ids are given. */
    public List<Region> regions(Set<Long> ids) {
        return directory.regions().stream().filter(r -> ids.contains(r.id())).toList();
    }

    private static final String MEMBER_SELECT = """
            select m.id, m.full_name, m.organisation, m.sector, m.function, m.function_form, m.term_start, m.term_end, m.email, m.phone, m.body_kind
            from committee_membership m
            """;

    private List<MemberWithContact> members(long committeeId) {
        return jdbc.sql(MEMBER_SELECT + """
                         where m.committee_id = :committee
                        order by case m.function when 'CHAIR' then 0 when 'VICE_CHAIR' then 1 when 'SECRETARY' then 2 else 3 end,
                                 m.full_name, m.id
                        """)
                .param("committee", committeeId)
                .query(RegionCoordination::member)
                .list();
    }

    private static MemberWithContact member(ResultSet rs, int row) throws SQLException {
        return new MemberWithContact(CommitteeMember.of(rs, row), rs.getString("email"), rs.getString("phone"));
    }

    /** Today in Warsaw, which splits the members into current and past ({@link KeptWorkspaces#today} is the page's). */
    private LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.ZONE));
    }
}
