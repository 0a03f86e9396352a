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
    private final DirectoryProfiles profiles;
    private final Clock clock;

    public RegionCoordination(JdbcClient jdbc, Directory directory, DirectoryProfiles profiles, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.profiles = profiles;
        this.clock = clock;
    }

    public Optional<RegionWorkspace> workspace(Region region) {
        LocalDate today = today();
        RegionDescription description = profiles.description(region.id());
        Optional<Institution> rops = rops(region.id());
        Optional<Committee> committee = profiles.committeeInOffice(region.id());
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

    /** One membership of the region's committee in office; empty for any other id, another region's included. */
    public Optional<MemberWithContact> member(long regionId, long membershipId) {
        return jdbc.sql(MEMBER_SELECT + """
                         where m.id = :id and m.committee_id = (
                             select c.id from committee c where c.region_id = :region and c.term_start <= :today
                             order by c.term_end desc limit 1)
                        """)
                .param("id", membershipId)
                .param("region", regionId)
                .param("today", today())
                .query(RegionCoordination::member)
                .optional();
    }

    /** The region's ROPS: the first one when, unusually, there are several. */
    public Optional<Institution> rops(long regionId) {
        return jdbc.sql("""
                        select id, kind, name, street, postal_code, city, email, phone, website from institution
                        where region_id = :region and kind = 'ROPS' order by id limit 1
                        """).param("region", regionId).query(Institution::of).optional();
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

    /** Today in Warsaw: the default last day of an ended membership, and the first of a new one. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.ZONE));
    }
}
