package pl.koordes.monitoring.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.monitoring.internal.MonitoringFigures.Area;
import pl.koordes.monitoring.internal.MonitoringFigures.Direction;
import pl.koordes.monitoring.internal.MonitoringFigures.NationalIndicator;
import pl.koordes.monitoring.internal.MonitoringFigures.PeriodValue;
import pl.koordes.monitoring.internal.MonitoringFigures.RegionalIndicator;
import pl.koordes.monitoring.internal.MonitoringFigures.Snapshot;

/**
 * Reads what the public figures ({@link MonitoringFigures}) are made of in a fixed number of set-based
 * statements, whatever the number of regions, indicators and periods: the regions, the directions with their
 * areas, the KPRES indicators and their targets, the current versions' indicators and their targets, the
 * approved values and the actions per region and direction. Only APPROVED values are read. Pages get the
 * result through {@link MonitoringFigureCache}.
 */
@Component
public class MonitoringFigureLoad {

    private final JdbcClient jdbc;
    private final Directory directory;

    public MonitoringFigureLoad(JdbcClient jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /** Reads everything the public pages show in eight statements, whatever the amount of data. */
    @Transactional(readOnly = true)
    public Snapshot load() {
        List<Region> regions = directory.regions();
        Map<Long, Region> regionsById = new HashMap<>();
        regions.forEach(r -> regionsById.put(r.id(), r));
        Map<Long, Area> areas = new HashMap<>();
        List<Direction> directions = jdbc.sql("""
                        select d.id, d.code, d.name_pl, d.name_en, a.id as area_id, a.code as area_code,
                               a.name_pl as area_pl, a.name_en as area_en
                        from monitoring_direction d join monitoring_area a on a.id = d.area_id
                        order by a.position, a.code, d.position, d.code""")
                .query((rs, n) -> {
                    Area read = new Area(
                            rs.getLong("area_id"),
                            rs.getString("area_code"),
                            rs.getString("area_pl"),
                            rs.getString("area_en"));
                    return new Direction(
                            rs.getLong("id"),
                            rs.getString("code"),
                            rs.getString("name_pl"),
                            rs.getString("name_en"),
                            areas.computeIfAbsent(read.id(), id -> read));
                })
                .list();
        Map<Long, SortedMap<Integer, BigDecimal>> nationalTargets = new HashMap<>();
        jdbc.sql("select indicator_id, year, value from monitoring_national_target")
                .query(rs -> {
                    nationalTargets
                            .computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                            .put(rs.getInt(2), rs.getBigDecimal(3));
                });
        List<NationalIndicator> national = jdbc.sql("""
                        select i.id, i.code, i.name_pl, i.name_en, i.unit, i.baseline, i.baseline_year, i.target,
                               i.target_year, i.improvement, i.time_rule, i.source, i.latest_value, i.latest_year,
                               i.direction_id
                        from monitoring_national_indicator i join monitoring_area a on a.id = i.area_id
                        order by a.position, i.position, i.code""")
                .query((rs, n) -> new NationalIndicator(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("name_pl"),
                        rs.getString("name_en"),
                        rs.getString("unit"),
                        rs.getBigDecimal("baseline"),
                        rs.getObject("baseline_year", Integer.class),
                        rs.getBigDecimal("target"),
                        rs.getObject("target_year", Integer.class),
                        Improvement.valueOf(rs.getString("improvement")),
                        TimeRule.valueOf(rs.getString("time_rule")),
                        rs.getString("source"),
                        rs.getBigDecimal("latest_value"),
                        rs.getObject("latest_year", Integer.class),
                        rs.getObject("direction_id", Long.class),
                        nationalTargets.getOrDefault(rs.getLong("id"), new TreeMap<>())))
                .list();
        Map<Long, SortedMap<Integer, BigDecimal>> targets = new HashMap<>();
        jdbc.sql("""
                        select t.indicator_id, t.year, t.value
                        from monitoring_target t
                        join monitoring_programme_version v on v.id = t.version_id and v.status = 'CURRENT'""").query(rs -> {
            targets.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getInt(2), rs.getBigDecimal(3));
        });
        Map<Long, List<PeriodValue>> values = new HashMap<>();
        jdbc.sql("""
                        select v.indicator_id, p.year, p.kind, p.half, v.value, v.not_available, v.expected_date
                        from monitoring_value v join monitoring_period p on p.id = v.period_id
                        where v.status = 'APPROVED'""").query(rs -> {
            values.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new PeriodValue(
                            rs.getInt(2),
                            PeriodKind.valueOf(rs.getString(3)),
                            rs.getObject(4, Integer.class),
                            rs.getBigDecimal(5),
                            rs.getBoolean(6),
                            rs.getObject(7, LocalDate.class)));
        });
        List<RegionalIndicator> regional = new ArrayList<>();
        jdbc.sql("""
                        select vi.indicator_id, i.region_id, i.code, vi.name, vi.unit, vi.baseline, vi.baseline_year,
                               vi.improvement, vi.time_rule, vi.source, vi.national_indicator_id, vi.region_rule
                        from monitoring_version_indicator vi
                        join monitoring_programme_version v on v.id = vi.version_id and v.status = 'CURRENT'
                        join monitoring_indicator i on i.id = vi.indicator_id
                        order by i.region_id, vi.position, i.code""").query(rs -> {
            Region region = regionsById.get(rs.getLong("region_id"));
            if (region == null) {
                return;
            }
            long id = rs.getLong("indicator_id");
            TimeRule timeRule = TimeRule.valueOf(rs.getString("time_rule"));
            List<PeriodValue> own = values.getOrDefault(id, List.of()).stream()
                    .sorted(Comparator.comparingInt(PeriodValue::position))
                    .toList();
            regional.add(new RegionalIndicator(
                    id,
                    region,
                    rs.getString("code"),
                    rs.getString("name"),
                    rs.getString("unit"),
                    rs.getBigDecimal("baseline"),
                    rs.getObject("baseline_year", Integer.class),
                    Improvement.valueOf(rs.getString("improvement")),
                    timeRule,
                    rs.getString("source"),
                    rs.getObject("national_indicator_id", Long.class),
                    RegionRule.valueOf(rs.getString("region_rule")),
                    targets.getOrDefault(id, new TreeMap<>()),
                    own,
                    MonitoringFigureRules.yearly(timeRule, own)));
        });
        Map<Long, Map<Long, Integer>> actions = new HashMap<>();
        jdbc.sql("""
                        select p.region_id, ad.direction_id, count(distinct a.id)
                        from monitoring_action_direction ad
                        join monitoring_action a on a.id = ad.action_id
                        join monitoring_goal g on g.id = a.goal_id
                        join monitoring_programme_version v on v.id = g.version_id and v.status = 'CURRENT'
                        join monitoring_programme p on p.id = v.programme_id
                        group by p.region_id, ad.direction_id""").query(rs -> {
            actions.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getLong(2), rs.getInt(3));
        });
        return new Snapshot(regions, directions, national, regional, actions);
    }
}
