package pl.koordes.directory.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Macroregion;
import pl.koordes.shared.i18n.Formats;

/**
 * What the public pages of a region and a macroregion show: institutions with contacts, the current
 * committee with its current members, the regions of a macroregion. Only the directory's own pages use
 * it; other modules read regions and macroregions from {@link Directory}. Each method runs a fixed
 * number of queries whatever the amount of data.
 */
@Service
@Transactional(readOnly = true)
public class DirectoryProfiles {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Clock clock;

    DirectoryProfiles(JdbcClient jdbc, Directory directory, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
    }

    /** The region's public profile: institutions with contacts and the current committee with its current members. */
    public Optional<RegionProfile> regionProfile(String slug) {
        return directory
                .region(slug)
                .map(region -> new RegionProfile(
                        region,
                        description(region.id()),
                        institutions(region.id()),
                        committeeInOffice(region.id())
                                .map(c -> new Committee(
                                        c.id(), c.name(), c.termStart(), c.termEnd(), currentMembers(c.id())))));
    }

    /** A macroregion with its regions in Polish alphabetical order. */
    public Optional<MacroregionProfile> macroregionProfile(String slug) {
        Optional<Macroregion> macroregion = directory.macroregions().stream()
                .filter(m -> m.slug().equals(slug))
                .findFirst();
        return macroregion.map(m -> new MacroregionProfile(
                m,
                directory.regions().stream()
                        .filter(r -> r.macroregion().id() == m.id())
                        .toList()));
    }

    /** The region's public profile text in both languages. */
    public RegionDescription description(long regionId) {
        return jdbc.sql("select description_pl, description_en from region where id = :id")
                .param("id", regionId)
                .query((rs, n) -> new RegionDescription(rs.getString("description_pl"), rs.getString("description_en")))
                .optional()
                .orElse(RegionDescription.NONE);
    }

    private List<Institution> institutions(long regionId) {
        return jdbc.sql("""
                        select id, kind, name, street, postal_code, city, email, phone, website
                        from institution where region_id = :region
                        order by case kind when 'ROPS' then 0 when 'MARSHAL_OFFICE' then 1 when 'OWES' then 2 else 3 end, name
                        """).param("region", regionId).query(Institution::of).list();
    }

    /** The committee whose term has begun most recently (the public page's committee), without members. */
    public Optional<Committee> committeeInOffice(long regionId) {
        return jdbc.sql(committeeInOfficeOf(":region"))
                .param("region", regionId)
                .param("today", today())
                .query((rs, n) -> new Committee(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getObject("term_start", LocalDate.class),
                        rs.getObject("term_end", LocalDate.class),
                        List.of()))
                .optional();
    }

    /**
     * The statement that finds a region's committee in office ({@link #committeeInOffice}), for the region given as
     * SQL ({@code :region}, or a column of an enclosing statement), with the date as {@code :today}: the one rule,
     * kept in one place, for the workspace's statements too ({@code RegionCoordination}).
     */
    static String committeeInOfficeOf(String region) {
        return """
                select id, name, term_start, term_end from committee
                where region_id = %s and term_start <= :today
                order by term_end desc limit 1""".formatted(region);
    }

    private List<CommitteeMember> currentMembers(long committeeId) {
        return jdbc.sql("""
                        select id, full_name, organisation, sector, function, function_form, term_start, term_end,
                               body_kind
                        from committee_membership
                        where committee_id = :committee and term_start <= :today and (term_end is null or term_end >= :today)
                        order by case function when 'CHAIR' then 0 when 'VICE_CHAIR' then 1 when 'SECRETARY' then 2 else 3 end,
                                 full_name
                        """)
                .param("committee", committeeId)
                .param("today", today())
                .query(CommitteeMember::of)
                .list();
    }

    /** Today in Warsaw: whose term has begun and who is a member today. */
    private LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.ZONE));
    }
}
