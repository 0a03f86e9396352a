package pl.koordes.monitoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.monitoring.internal.NationalProgramme.Action;
import pl.koordes.monitoring.internal.NationalProgramme.Area;
import pl.koordes.monitoring.internal.NationalProgramme.AreaNode;
import pl.koordes.monitoring.internal.NationalProgramme.Direction;
import pl.koordes.monitoring.internal.NationalProgramme.DirectionNode;
import pl.koordes.monitoring.internal.NationalProgramme.Indicator;
import pl.koordes.monitoring.internal.NationalProgramme.Target;

/**
 * Reads the national programme. The whole tree takes five statements whatever its size (areas,
 * directions, actions, indicators, targets), put together here.
 */
@Component
@Transactional(readOnly = true)
public class NationalProgrammeReads {

    private static final String AREA = "select id, code, name_pl, name_en, position from monitoring_area";
    private static final String DIRECTION =
            "select id, area_id, code, name_pl, name_en, description, position, row_version from monitoring_direction";
    private static final String ACTION =
            "select id, direction_id, code, name_pl, name_en, position, row_version from monitoring_national_action";
    private static final String INDICATOR = """
            select id, area_id, direction_id, code, name_pl, name_en, unit, baseline, baseline_year, target, target_year,
                   improvement, time_rule, source, latest_value, latest_year, position, row_version
            from monitoring_national_indicator""";

    /** How many regional actions and indicators depend on a direction or a national indicator. */
    public record Usage(int regionalActions, int regions, int nationalIndicators, int regionalIndicators) {

        public boolean any() {
            return regionalActions > 0 || nationalIndicators > 0 || regionalIndicators > 0;
        }
    }

    private final JdbcClient jdbc;

    NationalProgrammeReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The whole programme, in order. */
    public NationalProgramme programme() {
        List<Area> areas = jdbc.sql(AREA + " order by position, code")
                .query(NationalProgrammeReads::area)
                .list();
        List<Direction> directions = jdbc.sql(DIRECTION + " order by position, code")
                .query(NationalProgrammeReads::direction)
                .list();
        List<Action> actions = jdbc.sql(ACTION + " order by position, code")
                .query(NationalProgrammeReads::action)
                .list();
        Map<Long, List<Target>> targets = new LinkedHashMap<>();
        jdbc.sql("select indicator_id, year, value from monitoring_national_target order by indicator_id, year")
                .query((rs, n) -> targets.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Target(rs.getInt(2), rs.getBigDecimal(3))))
                .list();
        List<Indicator> indicators = jdbc.sql(INDICATOR + " order by position, code")
                .query((rs, n) -> indicator(rs, targets.getOrDefault(rs.getLong("id"), List.of())))
                .list();
        List<AreaNode> nodes = new ArrayList<>();
        for (Area area : areas) {
            List<DirectionNode> directionNodes = directions.stream()
                    .filter(d -> d.areaId() == area.id())
                    .map(d -> new DirectionNode(
                            d,
                            actions.stream()
                                    .filter(a -> a.directionId() == d.id())
                                    .toList(),
                            indicators.stream()
                                    .filter(i -> i.directionId() != null && i.directionId() == d.id())
                                    .toList()))
                    .toList();
            nodes.add(new AreaNode(
                    area,
                    directionNodes,
                    indicators.stream().filter(i -> i.areaId() == area.id()).toList()));
        }
        return new NationalProgramme(nodes);
    }

    public Optional<Area> area(long id) {
        return jdbc.sql(AREA + " where id = :id")
                .param("id", id)
                .query(NationalProgrammeReads::area)
                .optional();
    }

    public List<Area> areas() {
        return jdbc.sql(AREA + " order by position, code")
                .query(NationalProgrammeReads::area)
                .list();
    }

    public Optional<Direction> direction(long id) {
        return jdbc.sql(DIRECTION + " where id = :id")
                .param("id", id)
                .query(NationalProgrammeReads::direction)
                .optional();
    }

    public List<Direction> directionsOf(long areaId) {
        return jdbc.sql(DIRECTION + " where area_id = :area order by position, code")
                .param("area", areaId)
                .query(NationalProgrammeReads::direction)
                .list();
    }

    public Optional<Action> action(long id) {
        return jdbc.sql(ACTION + " where id = :id")
                .param("id", id)
                .query(NationalProgrammeReads::action)
                .optional();
    }

    public List<Action> actionsOf(long directionId) {
        return jdbc.sql(ACTION + " where direction_id = :direction order by position, code")
                .param("direction", directionId)
                .query(NationalProgrammeReads::action)
                .list();
    }

    public Optional<Indicator> indicator(long id) {
        List<Target> targets = jdbc.sql(
                        "select year, value from monitoring_national_target where indicator_id = :id order by year")
                .param("id", id)
                .query((rs, n) -> new Target(rs.getInt(1), rs.getBigDecimal(2)))
                .list();
        return jdbc.sql(INDICATOR + " where id = :id")
                .param("id", id)
                .query((rs, n) -> indicator(rs, targets))
                .optional();
    }

    /** The next free position at the end of a list (directions of an area, actions of a direction, indicators). */
    public int nextPosition(String table, long parentId) {
        String sql = switch (table) {
            case "direction" -> "select coalesce(max(position), 0) from monitoring_direction where area_id = :p";
            case "action" ->
                "select coalesce(max(position), 0) from monitoring_national_action where direction_id = :p";
            default -> "select coalesce(max(position), 0) from monitoring_national_indicator";
        };
        int last = jdbc.sql(sql).param("p", parentId).query(Integer.class).single();
        return Math.min(last + 1, 999);
    }

    /** What depends on a direction: regional actions mapped to it (and their regions), national indicators in it. */
    public Usage directionUsage(long id) {
        return jdbc.sql("""
                        select (select count(distinct ad.action_id) from monitoring_action_direction ad where ad.direction_id = :id),
                               (select count(distinct p.region_id)
                                  from monitoring_action_direction ad
                                  join monitoring_action a on a.id = ad.action_id
                                  join monitoring_goal g on g.id = a.goal_id
                                  join monitoring_programme_version v on v.id = g.version_id
                                  join monitoring_programme p on p.id = v.programme_id
                                 where ad.direction_id = :id),
                               (select count(*) from monitoring_national_indicator i where i.direction_id = :id),
                               0
                        """)
                .param("id", id)
                .query((rs, n) -> new Usage(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                .single();
    }

    /** What depends on a national indicator: regional indicators (in any version) that add up to it, and their regions. */
    public Usage indicatorUsage(long id) {
        return jdbc.sql("""
                        select count(distinct vi.indicator_id), count(distinct i.region_id)
                        from monitoring_version_indicator vi
                        join monitoring_indicator i on i.id = vi.indicator_id
                        where vi.national_indicator_id = :id
                        """)
                .param("id", id)
                .query((rs, n) -> new Usage(0, rs.getInt(2), 0, rs.getInt(1)))
                .single();
    }

    private static Area area(ResultSet rs, int n) throws SQLException {
        return new Area(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5));
    }

    private static Direction direction(ResultSet rs, int n) throws SQLException {
        return new Direction(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getInt(7),
                rs.getInt(8));
    }

    private static Action action(ResultSet rs, int n) throws SQLException {
        return new Action(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6),
                rs.getInt(7));
    }

    private static Indicator indicator(ResultSet rs, List<Target> targets) throws SQLException {
        return new Indicator(
                rs.getLong("id"),
                rs.getLong("area_id"),
                rs.getObject("direction_id", Long.class),
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
                rs.getInt("position"),
                rs.getInt("row_version"),
                List.copyOf(targets));
    }
}
