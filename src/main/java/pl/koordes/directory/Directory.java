package pl.koordes.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the directory as other modules need it: the regions and macroregions, and the committees with
 * their seats. (The public pages of
 * regions read institutions and committees through {@code internal.DirectoryProfiles}.) Each method
 * runs a fixed number of queries whatever the amount of data; the regions and macroregions, which nearly every
 * page names, are kept as read a moment ago ({@link DirectoryLists}: forgotten on every node when the directory
 * changes, read again in the background every minute) and need no statement.
 */
@Service
@Transactional(readOnly = true)
public class Directory {

    static final String REGION_SELECT = """
            select r.id, r.teryt, r.slug, r.name_pl, r.name_en, r.seat,
                   m.id as m_id, m.code as m_code, m.slug as m_slug, m.name_pl as m_name_pl, m.name_en as m_name_en
            from region r join macroregion m on m.id = r.macroregion_id
            """;

    private final JdbcClient jdbc;
    /** The regions and macroregions as read a moment ago (no transaction needed for them). */
    private final DirectoryLists lists;

    public Directory(JdbcClient jdbc, DirectoryLists lists) {
        this.jdbc = jdbc;
        this.lists = lists;
    }

    /** All 16 regions by id, for naming the region of each row of a list. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Map<Long, Region> regionsById() {
        return regions().stream().collect(Collectors.toMap(Region::id, Function.identity()));
    }

    /** All 16 regions in Polish alphabetical order. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<Region> regions() {
        return lists.get().regions();
    }

    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<Region> region(String slug) {
        if (!plausibleSlug(slug)) {
            return Optional.empty();
        }
        return lists.get().regions().stream()
                .filter(region -> region.slug().equals(slug))
                .findFirst();
    }

    /** The region with this id. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<Region> region(long id) {
        return lists.get().regions().stream()
                .filter(region -> region.id() == id)
                .findFirst();
    }

    /** The regions of one macroregion in Polish alphabetical order. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<Region> regionsOf(long macroregionId) {
        return lists.get().regions().stream()
                .filter(region -> region.macroregion().id() == macroregionId)
                .toList();
    }

    /** The central institutions, by name: the addressees of postulates. */
    public List<CentralInstitution> centralInstitutions() {
        return jdbc.sql("select id, name, short_name from institution where kind = 'CENTRAL' order by name, id")
                .query((rs, n) -> new CentralInstitution(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** Every institution of the directory, by name (authors of library documents). */
    public List<InstitutionName> institutions() {
        return jdbc.sql("select id, name, region_id from institution order by name, id")
                .query((rs, n) -> new InstitutionName(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class)))
                .list();
    }

    /** The central institution with this id; empty for any other institution. */
    public Optional<CentralInstitution> centralInstitution(long id) {
        return jdbc.sql("select id, name, short_name from institution where kind = 'CENTRAL' and id = :id")
                .param("id", id)
                .query((rs, n) -> new CentralInstitution(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /**
     * The regional social-policy centre (ROPS) of each region, by region id: the institution that answers
     * once for its region (surveys answered per institution).
     */
    public Map<Long, Long> regionalCentres() {
        return jdbc.sql("""
                        select region_id, min(id) from institution
                        where kind = 'ROPS' and region_id is not null group by region_id
                        """).query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The region's committee whose term covers the day, or else its latest; one statement. */
    public Optional<CommitteeTerm> committee(long regionId, LocalDate day) {
        return jdbc.sql("""
                        select id, region_id, name, term_start, term_end from committee where region_id = :region
                        order by (:day between term_start and term_end) desc, term_start desc limit 1
                        """)
                .param("region", regionId)
                .param("day", day)
                .query(Directory::committee)
                .optional();
    }

    /** A committee by id. */
    public Optional<CommitteeTerm> committeeById(long id) {
        return jdbc.sql(
                        "select id, region_id, name, term_start, term_end from committee where id = :id and region_id is not null")
                .param("id", id)
                .query(Directory::committee)
                .optional();
    }

    /**
     * Everyone who ever sat on the committee, current and former, in order of function and name; one
     * statement. A seat's dates say whether it is current ({@link CommitteeSeat#sitsOn}).
     */
    public List<CommitteeSeat> seats(long committeeId) {
        return jdbc.sql("""
                        select id, committee_id, full_name, organisation, body_kind, function, function_form,
                               term_start, term_end, account_id, email
                        from committee_membership where committee_id = :committee
                        order by case function when 'CHAIR' then 0 when 'VICE_CHAIR' then 1 when 'SECRETARY' then 2
                                 else 3 end, full_name, id
                        """)
                .param("committee", committeeId)
                .query(CommitteeSeat::of)
                .list();
    }

    /** The seats linked to the account, in any committee; one statement. */
    public List<CommitteeSeat> seatsOf(long accountId) {
        return jdbc.sql("""
                        select id, committee_id, full_name, organisation, body_kind, function, function_form,
                               term_start, term_end, account_id, email
                        from committee_membership where account_id = :account order by term_start desc
                        """)
                .param("account", accountId)
                .query(CommitteeSeat::of)
                .list();
    }

    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<Macroregion> macroregions() {
        return lists.get().macroregions();
    }

    /** Addresses are short and printable; anything else (a NUL byte PostgreSQL refuses, a megabyte) names nothing. */
    private static boolean plausibleSlug(String slug) {
        return slug != null && slug.length() <= 80 && slug.chars().noneMatch(Character::isISOControl);
    }

    private static CommitteeTerm committee(ResultSet rs, int row) throws SQLException {
        return new CommitteeTerm(
                rs.getLong("id"),
                rs.getLong("region_id"),
                rs.getString("name"),
                rs.getObject("term_start", LocalDate.class),
                rs.getObject("term_end", LocalDate.class));
    }

    static Region region(ResultSet rs, int row) throws SQLException {
        return new Region(
                rs.getLong("id"),
                rs.getString("teryt"),
                rs.getString("slug"),
                rs.getString("name_pl"),
                rs.getString("name_en"),
                rs.getString("seat"),
                Macroregion.of(rs, "m_"));
    }
}
