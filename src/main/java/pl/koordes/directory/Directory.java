package pl.koordes.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the directory: regions, macroregions, institutions and committees. Each method runs a fixed
 * number of queries whatever the amount of data.
 */
@Service
@Transactional(readOnly = true)
public class Directory {

    private static final String REGION_SELECT = """
            select r.id, r.teryt, r.slug, r.name_pl, r.name_en, r.seat,
                   m.id as m_id, m.code as m_code, m.slug as m_slug, m.name_pl as m_name_pl, m.name_en as m_name_en
            from region r join macroregion m on m.id = r.macroregion_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    public Directory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** All 16 regions in Polish alphabetical order. */
    public List<Region> regions() {
        return jdbc.sql(REGION_SELECT).query(Directory::region).list()
                .stream().sorted(RegionOrder.POLISH).toList();
    }

    public Optional<Region> region(String slug) {
        if (!plausibleSlug(slug)) {
            return Optional.empty();
        }
        return jdbc.sql(REGION_SELECT + " where r.slug = :slug").param("slug", slug).query(Directory::region).optional();
    }

    /** The region's public profile: institutions with contacts and the current committee with its current members. */
    public Optional<RegionProfile> regionProfile(String slug) {
        return region(slug).map(region -> new RegionProfile(region, description(region.id()), institutions(region.id()),
                currentCommittee(region.id())));
    }

    public List<Macroregion> macroregions() {
        return jdbc.sql("select id, code, slug, name_pl, name_en from macroregion order by sort_order, code")
                .query(Directory::macroregion).list();
    }

    public Optional<MacroregionProfile> macroregionProfile(String slug) {
        if (!plausibleSlug(slug)) {
            return Optional.empty();
        }
        return jdbc.sql("select id, code, slug, name_pl, name_en from macroregion where slug = :slug")
                .param("slug", slug).query(Directory::macroregion).optional()
                .map(m -> new MacroregionProfile(m, jdbc.sql(REGION_SELECT + " where m.id = :id").param("id", m.id())
                        .query(Directory::region).list().stream().sorted(RegionOrder.POLISH).toList()));
    }

    /** Addresses are short and printable; anything else (a NUL byte PostgreSQL refuses, a megabyte) names nothing. */
    private static boolean plausibleSlug(String slug) {
        return slug != null && slug.length() <= 80 && slug.chars().noneMatch(Character::isISOControl);
    }

    private RegionDescription description(long regionId) {
        return jdbc.sql("select description_pl, description_en from region where id = :id").param("id", regionId)
                .query((rs, n) -> new RegionDescription(rs.getString("description_pl"), rs.getString("description_en")))
                .optional().orElse(RegionDescription.NONE);
    }

    private List<Institution> institutions(long regionId) {
        return jdbc.sql("""
                        select id, kind, name, street, postal_code, city, email, phone, website
                        from institution where region_id = :region
                        order by case kind when 'ROPS' then 0 when 'MARSHAL_OFFICE' then 1 when 'OWES' then 2 else 3 end, name
                        """)
                .param("region", regionId)
                .query((rs, n) -> new Institution(rs.getLong("id"), InstitutionKind.valueOf(rs.getString("kind")),
                        rs.getString("name"), rs.getString("street"), rs.getString("postal_code"), rs.getString("city"),
                        rs.getString("email"), rs.getString("phone"), rs.getString("website")))
                .list();
    }

    private Optional<Committee> currentCommittee(long regionId) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                        select id, name, term_start, term_end from committee
                        where region_id = :region and term_start <= :today
                        order by term_end desc limit 1
                        """)
                .param("region", regionId).param("today", today)
                .query((rs, n) -> new Committee(rs.getLong("id"), rs.getString("name"),
                        rs.getObject("term_start", LocalDate.class), rs.getObject("term_end", LocalDate.class), List.of()))
                .optional()
                .map(c -> new Committee(c.id(), c.name(), c.termStart(), c.termEnd(), currentMembers(c.id(), today)));
    }

    private List<CommitteeMember> currentMembers(long committeeId, LocalDate today) {
        return jdbc.sql("""
                        select id, full_name, organisation, sector, function, term_start, term_end
                        from committee_membership
                        where committee_id = :committee and term_start <= :today and (term_end is null or term_end >= :today)
                        order by case function when 'CHAIR' then 0 when 'VICE_CHAIR' then 1 when 'SECRETARY' then 2 else 3 end,
                                 full_name
                        """)
                .param("committee", committeeId).param("today", today)
                .query((rs, n) -> new CommitteeMember(rs.getLong("id"), rs.getString("full_name"),
                        rs.getString("organisation"), Sector.valueOf(rs.getString("sector")),
                        CommitteeFunction.valueOf(rs.getString("function")),
                        rs.getObject("term_start", LocalDate.class), rs.getObject("term_end", LocalDate.class)))
                .list();
    }

    private static Region region(ResultSet rs, int row) throws SQLException {
        Macroregion macroregion = new Macroregion(rs.getLong("m_id"), rs.getString("m_code"), rs.getString("m_slug"),
                rs.getString("m_name_pl"), rs.getString("m_name_en"));
        return new Region(rs.getLong("id"), rs.getString("teryt"), rs.getString("slug"), rs.getString("name_pl"),
                rs.getString("name_en"), rs.getString("seat"), macroregion);
    }

    private static Macroregion macroregion(ResultSet rs, int row) throws SQLException {
        return new Macroregion(rs.getLong("id"), rs.getString("code"), rs.getString("slug"), rs.getString("name_pl"),
                rs.getString("name_en"));
    }
}
