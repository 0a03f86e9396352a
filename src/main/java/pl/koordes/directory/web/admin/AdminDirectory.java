package pl.koordes.directory.web.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Collator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.directory.Directory;
import pl.koordes.directory.InstitutionKind;
import pl.koordes.directory.Macroregion;
import pl.koordes.directory.Region;
import pl.koordes.directory.internal.CommitteeForm;
import pl.koordes.directory.internal.CommitteeMember;
import pl.koordes.directory.internal.InstitutionForm;
import pl.koordes.directory.internal.MacroregionForm;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.web.Paged;

/**
 * What the administration pages read: everything, past terms and ended memberships included, where
 * the public read model shows only what is current. Each method runs a fixed number of queries.
 */
@Component
@Transactional(readOnly = true)
class AdminDirectory {

    private static final Collator POLISH = Collator.getInstance(Locale.forLanguageTag("pl-PL"));

    private static final String COMMITTEE_SELECT = """
            select c.id, c.region_id, r.name_pl as region_name_pl, r.name_en as region_name_en, c.name, c.term_start, c.term_end,
                   (select count(*) from committee_membership cm where cm.committee_id = c.id and cm.term_start <= :today
                           and (cm.term_end is null or cm.term_end >= :today)) as current_members
            from committee c left join region r on r.id = c.region_id
            """;

    private static final String MEMBER_SELECT = """
            select id, full_name, organisation, sector, function, function_form, term_start, term_end, body_kind
            from committee_membership
            """;

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Clock clock;

    AdminDirectory(JdbcClient jdbc, Directory directory, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.ZONE));
    }

    /** Every region in Polish alphabetical order with its macroregion and current committee. */
    List<RegionRow> regions() {
        Map<Long, CommitteeRow> committees = new HashMap<>();
        jdbc.sql(
                        "select distinct on (c.region_id) * from (" + COMMITTEE_SELECT + ") c "
                                + "where c.region_id is not null and c.term_start <= :today order by c.region_id, c.term_end desc")
                .param("today", today())
                .query(AdminDirectory::committee)
                .list()
                .forEach(c -> committees.put(c.regionId(), c));
        return directory.regions().stream()
                .map(region -> new RegionRow(region, committees.get(region.id())))
                .toList();
    }

    Optional<Region> region(long id) {
        return directory.region(id);
    }

    /** The regions of one macroregion, for its page. */
    List<Region> regionsOf(long macroregionId) {
        return directory.regionsOf(macroregionId);
    }

    List<MacroregionRow> macroregions() {
        return jdbc.sql("""
                        select m.id, m.code, m.slug, m.name_pl, m.name_en, m.sort_order,
                               (select count(*) from region r where r.macroregion_id = m.id) as regions
                        from macroregion m order by m.sort_order, m.code, m.id
                        """)
                .query((rs, n) ->
                        new MacroregionRow(Macroregion.of(rs, ""), rs.getInt("sort_order"), rs.getInt("regions")))
                .list();
    }

    Optional<MacroregionRow> macroregion(long id) {
        return jdbc.sql(
                        "select id, code, slug, name_pl, name_en, sort_order, 0 as regions from macroregion where id = :id")
                .param("id", id)
                .query((rs, n) -> new MacroregionRow(Macroregion.of(rs, ""), rs.getInt("sort_order"), 0))
                .optional();
    }

    static MacroregionForm form(MacroregionRow row) {
        Macroregion m = row.macroregion();
        return new MacroregionForm(m.code(), m.namePl(), m.nameEn(), row.sortOrder());
    }

    // Institutions

    /**
     * One page of institutions.
     *
     * @param region null for all, 0 for institutions without a region, or a region id
     * @param kind null for all kinds
     */
    InstitutionPage institutions(
            @Nullable Long region, @Nullable InstitutionKind kind, int requestedPage, int pageSize) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> parameters = new HashMap<>();
        if (region != null && region == 0) {
            where.append(" and i.region_id is null");
        } else if (region != null) {
            where.append(" and i.region_id = :region");
            parameters.put("region", region);
        }
        if (kind != null) {
            where.append(" and i.kind = :kind");
            parameters.put("kind", kind.name());
        }
        long total = jdbc.sql("select count(*) from institution i" + where)
                .params(parameters)
                .query(Long.class)
                .single();
        int page = Paged.within(requestedPage, total, pageSize);
        parameters.put("limit", pageSize);
        parameters.put("offset", Paged.offset(page, pageSize));
        List<InstitutionRow> rows = jdbc.sql("""
                        select i.id, i.kind, i.name, r.name_pl, r.name_en, i.city, i.email
                        from institution i left join region r on r.id = i.region_id
                        """ + where + """
                         order by r.name_pl nulls first,
                                  case i.kind when 'ROPS' then 0 when 'MARSHAL_OFFICE' then 1 when 'OWES' then 2 when 'CENTRAL' then 3 else 4 end,
                                  i.name, i.id
                        limit :limit offset :offset
                        """)
                .params(parameters)
                .query((rs, n) -> new InstitutionRow(
                        rs.getLong("id"),
                        InstitutionKind.valueOf(rs.getString("kind")),
                        rs.getString("name"),
                        rs.getString("name_pl"),
                        rs.getString("name_en"),
                        rs.getString("city"),
                        rs.getString("email")))
                .list();
        String regionFilter = region == null ? "" : region == 0 ? InstitutionPage.NO_REGION : region.toString();
        return new InstitutionPage(
                new Paged<>(rows, page, pageSize, total), regionFilter, kind == null ? "" : kind.name());
    }

    Optional<InstitutionForm> institution(long id) {
        return jdbc.sql("""
                        select kind, name, region_id, street, postal_code, city, email, phone, website from institution where id = :id
                        """)
                .param("id", id)
                .query((rs, n) -> new InstitutionForm(
                        InstitutionKind.valueOf(rs.getString("kind")),
                        rs.getString("name"),
                        rs.getObject("region_id", Long.class),
                        rs.getString("street"),
                        rs.getString("postal_code"),
                        rs.getString("city"),
                        rs.getString("email"),
                        rs.getString("phone"),
                        rs.getString("website")))
                .optional();
    }

    // Committees

    List<CommitteeRow> committees() {
        List<CommitteeRow> all = new ArrayList<>(jdbc.sql(COMMITTEE_SELECT)
                .param("today", today())
                .query(AdminDirectory::committee)
                .list());
        // National committees first, then regions alphabetically, the latest term first.
        all.sort(Comparator.comparing((CommitteeRow c) -> c.regionNamePl() == null ? "" : c.regionNamePl(), POLISH)
                .thenComparing(CommitteeRow::termStart, Comparator.reverseOrder())
                .thenComparing(CommitteeRow::id));
        return all;
    }

    Optional<CommitteeRow> committee(long id) {
        return jdbc.sql(COMMITTEE_SELECT + " where c.id = :id")
                .param("id", id)
                .param("today", today())
                .query(AdminDirectory::committee)
                .optional();
    }

    static CommitteeForm form(CommitteeRow row) {
        return new CommitteeForm(row.regionId(), row.name(), row.termStart(), row.termEnd());
    }

    /** All memberships of a committee, past ones included, chairs first. */
    List<CommitteeMember> members(long committeeId) {
        return jdbc.sql(MEMBER_SELECT + """
                         where committee_id = :committee
                        order by case function when 'CHAIR' then 0 when 'VICE_CHAIR' then 1 when 'SECRETARY' then 2 else 3 end,
                                 full_name, id
                        """)
                .param("committee", committeeId)
                .query(CommitteeMember::of)
                .list();
    }

    Optional<CommitteeMember> member(long committeeId, long id) {
        return jdbc.sql(MEMBER_SELECT + " where committee_id = :committee and id = :id")
                .param("committee", committeeId)
                .param("id", id)
                .query(CommitteeMember::of)
                .optional();
    }

    private static CommitteeRow committee(ResultSet rs, int row) throws SQLException {
        return new CommitteeRow(
                rs.getLong("id"),
                rs.getObject("region_id", Long.class),
                rs.getString("region_name_pl"),
                rs.getString("region_name_en"),
                rs.getString("name"),
                rs.getObject("term_start", LocalDate.class),
                rs.getObject("term_end", LocalDate.class),
                rs.getInt("current_members"));
    }
}
