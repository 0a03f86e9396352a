package pl.koordes.monitoring.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.monitoring.internal.ProgrammeViews.Action;
import pl.koordes.monitoring.internal.ProgrammeViews.Content;
import pl.koordes.monitoring.internal.ProgrammeViews.Direction;
import pl.koordes.monitoring.internal.ProgrammeViews.Goal;
import pl.koordes.monitoring.internal.ProgrammeViews.Indicator;
import pl.koordes.monitoring.internal.ProgrammeViews.Latest;
import pl.koordes.monitoring.internal.ProgrammeViews.Listing;
import pl.koordes.monitoring.internal.ProgrammeViews.NationalIndicator;
import pl.koordes.monitoring.internal.ProgrammeViews.Version;

/**
 * Reads regional programmes and their versions. A version's content is read in a fixed number of
 * statements (the version, its goals, actions, mappings, indicators, targets, latest values), however many
 * goals, indicators and years of targets it has.
 */
@Component
public class ProgrammeStore {

    private static final String VERSION_COLUMNS = """
            v.id, v.programme_id, p.region_id, v.number, v.status, v.name, v.resolution_number, v.resolution_date,
            v.period_start, v.period_end, v.rationale, v.committee_opinion, v.committee_opinion_date, v.adopted_at,
            v.row_version""";

    private final JdbcClient jdbc;
    private final Directory directory;

    ProgrammeStore(JdbcClient jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /** The 16 regions in their order, each with its current version and how much it holds. */
    public List<Listing> listing() {
        Map<Long, Listing> byRegion = new HashMap<>();
        Map<Long, Region> regions = directory.regionsById();
        jdbc.sql("select " + VERSION_COLUMNS + """
                        ,
                        (select count(*) from monitoring_goal g where g.version_id = v.id) as goals,
                        (select count(*) from monitoring_action a join monitoring_goal g on g.id = a.goal_id
                          where g.version_id = v.id) as actions,
                        (select count(*) from monitoring_version_indicator i where i.version_id = v.id) as indicators
                        from monitoring_programme_version v join monitoring_programme p on p.id = v.programme_id
                        where v.status = 'CURRENT'
                        """)
                .query((rs, n) -> {
                    Version version = version(rs);
                    Region region = regions.get(version.regionId());
                    if (region != null) {
                        byRegion.put(
                                region.id(),
                                new Listing(
                                        region,
                                        version,
                                        rs.getInt("goals"),
                                        rs.getInt("actions"),
                                        rs.getInt("indicators")));
                    }
                    return version;
                })
                .list();
        List<Listing> listing = new ArrayList<>();
        for (Region region : directory.regions()) {
            listing.add(byRegion.getOrDefault(region.id(), new Listing(region, null, 0, 0, 0)));
        }
        return listing;
    }

    /** The current version of every region that has one (for the region pages' section). */
    public Map<Long, Version> currentVersions() {
        Map<Long, Version> current = new HashMap<>();
        jdbc.sql("select " + VERSION_COLUMNS + """
                         from monitoring_programme_version v join monitoring_programme p on p.id = v.programme_id
                        where v.status = 'CURRENT'""")
                .query((rs, n) -> version(rs))
                .list()
                .forEach(v -> current.put(v.regionId(), v));
        return current;
    }

    /** Every version of the region's programme, newest first. */
    public List<Version> versions(long regionId) {
        return jdbc.sql("select " + VERSION_COLUMNS + """
                         from monitoring_programme_version v join monitoring_programme p on p.id = v.programme_id
                        where p.region_id = :region order by v.number desc""")
                .param("region", regionId)
                .query((rs, n) -> version(rs))
                .list();
    }

    public Optional<Long> programmeOf(long regionId) {
        return jdbc.sql("select id from monitoring_programme where region_id = :r")
                .param("r", regionId)
                .query(Long.class)
                .optional();
    }

    public static Optional<Version> withStatus(List<Version> versions, VersionStatus status) {
        return versions.stream().filter(v -> v.status() == status).findFirst();
    }

    public static Optional<Version> numbered(List<Version> versions, int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst();
    }

    /** A version's goals, actions (with their directions) and indicators (with their targets). */
    public Content content(Version version) {
        List<Goal> goals = jdbc.sql("""
                        select id, lineage, position, name, description from monitoring_goal
                        where version_id = :v order by position, id""")
                .param("v", version.id())
                .query((rs, n) -> new Goal(
                        rs.getLong("id"),
                        rs.getLong("lineage"),
                        rs.getInt("position"),
                        rs.getString("name"),
                        rs.getString("description")))
                .list();
        Map<Long, List<Direction>> mappings = new HashMap<>();
        jdbc.sql("""
                        select ad.action_id, d.id, d.code, d.name_pl, d.name_en, ar.code as area_code,
                               ar.name_pl as area_pl, ar.name_en as area_en
                        from monitoring_action_direction ad
                        join monitoring_action a on a.id = ad.action_id
                        join monitoring_goal g on g.id = a.goal_id
                        join monitoring_direction d on d.id = ad.direction_id
                        join monitoring_area ar on ar.id = d.area_id
                        where g.version_id = :v order by ar.position, d.position, d.code""")
                .param("v", version.id())
                .query((rs, n) -> mappings.computeIfAbsent(rs.getLong("action_id"), k -> new ArrayList<>())
                        .add(direction(rs)))
                .list();
        List<Action> actions = jdbc.sql("""
                        select a.id, a.goal_id, a.lineage, a.position, a.name, a.description
                        from monitoring_action a join monitoring_goal g on g.id = a.goal_id
                        where g.version_id = :v order by g.position, g.id, a.position, a.id""")
                .param("v", version.id())
                .query((rs, n) -> new Action(
                        rs.getLong("id"),
                        rs.getLong("goal_id"),
                        rs.getLong("lineage"),
                        rs.getInt("position"),
                        rs.getString("name"),
                        rs.getString("description"),
                        List.copyOf(mappings.getOrDefault(rs.getLong("id"), List.of()))))
                .list();
        Map<Long, TreeMap<Integer, BigDecimal>> targets = new HashMap<>();
        jdbc.sql("select indicator_id, year, value from monitoring_target where version_id = :v order by year")
                .param("v", version.id())
                .query((rs, n) -> targets.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                        .put(rs.getInt(2), rs.getBigDecimal(3)))
                .list();
        List<Indicator> indicators = jdbc.sql("""
                        select vi.indicator_id, i.code, vi.goal_id, vi.position, vi.name, vi.unit, vi.baseline,
                               vi.baseline_year, vi.improvement, vi.time_rule, vi.source, vi.region_rule,
                               n.id as n_id, n.code as n_code, n.name_pl as n_pl, n.name_en as n_en, n.unit as n_unit
                        from monitoring_version_indicator vi
                        join monitoring_indicator i on i.id = vi.indicator_id
                        left join monitoring_national_indicator n on n.id = vi.national_indicator_id
                        where vi.version_id = :v order by vi.position, i.code""")
                .param("v", version.id())
                .query((rs, n) -> indicator(rs, targets))
                .list();
        return new Content(version, goals, actions, indicators);
    }

    /**
     * The latest approved value of each of the region's indicators, with its progress against the
     * definition in {@code content}. One statement.
     */
    public Map<Long, Latest> latest(long regionId, Content content) {
        Map<Long, Indicator> byId = new HashMap<>();
        content.indicators().forEach(i -> byId.put(i.indicatorId(), i));
        Map<Long, Latest> latest = new LinkedHashMap<>();
        jdbc.sql("""
                        select distinct on (v.indicator_id) v.indicator_id, v.value, p.year, p.half
                        from monitoring_value v join monitoring_period p on p.id = v.period_id
                        where v.region_id = :r and v.status = 'APPROVED' and v.value is not null
                        order by v.indicator_id, p.year desc, coalesce(p.half, 3) desc""")
                .param("r", regionId)
                .query((rs, n) -> {
                    Indicator indicator = byId.get(rs.getLong("indicator_id"));
                    if (indicator != null) {
                        BigDecimal value = rs.getBigDecimal("value");
                        int year = rs.getInt("year");
                        int half = rs.getInt("half");
                        String period = rs.wasNull() ? Integer.toString(year) : year + " (" + half + ")";
                        latest.put(
                                indicator.indicatorId(),
                                new Latest(value, year, period, ProgressRule.of(indicator.definition(), value, year)));
                    }
                    return 0;
                })
                .list();
        return latest;
    }

    /** Every KPRES direction, by area, for the mapping checkboxes. */
    public List<Direction> directions() {
        return jdbc.sql("""
                        select d.id, d.code, d.name_pl, d.name_en, ar.code as area_code, ar.name_pl as area_pl,
                               ar.name_en as area_en
                        from monitoring_direction d join monitoring_area ar on ar.id = d.area_id
                        order by ar.position, d.position, d.code""").query((rs, n) -> direction(rs)).list();
    }

    public List<NationalIndicator> nationalIndicators() {
        return jdbc.sql("""
                        select id, code, name_pl, name_en, unit from monitoring_national_indicator
                        order by position, code""")
                .query((rs, n) -> new NationalIndicator(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("name_pl"),
                        rs.getString("name_en"),
                        rs.getString("unit")))
                .list();
    }

    private static Direction direction(ResultSet rs) throws SQLException {
        return new Direction(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name_pl"),
                rs.getString("name_en"),
                rs.getString("area_code"),
                rs.getString("area_pl"),
                rs.getString("area_en"));
    }

    private static Indicator indicator(ResultSet rs, Map<Long, TreeMap<Integer, BigDecimal>> targets)
            throws SQLException {
        long id = rs.getLong("indicator_id");
        long goal = rs.getLong("goal_id");
        Long goalId = rs.wasNull() ? null : goal;
        int baselineYear = rs.getInt("baseline_year");
        Integer year = rs.wasNull() ? null : baselineYear;
        long nationalId = rs.getLong("n_id");
        NationalIndicator national = rs.wasNull()
                ? null
                : new NationalIndicator(
                        nationalId,
                        rs.getString("n_code"),
                        rs.getString("n_pl"),
                        rs.getString("n_en"),
                        rs.getString("n_unit"));
        return new Indicator(
                id,
                rs.getString("code"),
                goalId,
                rs.getInt("position"),
                rs.getString("name"),
                rs.getString("unit"),
                rs.getBigDecimal("baseline"),
                year,
                Improvement.valueOf(rs.getString("improvement")),
                TimeRule.valueOf(rs.getString("time_rule")),
                rs.getString("source"),
                national,
                RegionRule.valueOf(rs.getString("region_rule")),
                new TreeMap<>(targets.getOrDefault(id, new TreeMap<>())));
    }

    private static Version version(ResultSet rs) throws SQLException {
        Timestamp adopted = rs.getTimestamp("adopted_at");
        return new Version(
                rs.getLong("id"),
                rs.getLong("programme_id"),
                rs.getLong("region_id"),
                rs.getInt("number"),
                VersionStatus.valueOf(rs.getString("status")),
                rs.getString("name"),
                rs.getString("resolution_number"),
                rs.getObject("resolution_date", LocalDate.class),
                rs.getInt("period_start"),
                rs.getInt("period_end"),
                rs.getString("rationale"),
                rs.getString("committee_opinion"),
                rs.getObject("committee_opinion_date", LocalDate.class),
                adopted == null ? null : adopted.toInstant(),
                rs.getInt("row_version"));
    }

    static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
