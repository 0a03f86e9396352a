package pl.koordes.monitoring.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.monitoring.internal.MonitoringDemoSpecs.DirectionSpec;

/**
 * The national part of the demonstration data ({@link MonitoringDemoData}): the KPRES directions with their
 * national actions, the national indicators tied to their directions, and the yearly reporting periods the
 * regions' values belong to.
 */
final class MonitoringDemoNational {

    private final JdbcClient jdbc;
    private final Clock clock;

    MonitoringDemoNational(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The directions with their national actions, each national indicator tied to its direction; by code. */
    Map<String, Long> directions() {
        Map<String, Long> areas = new HashMap<>();
        jdbc.sql("select code, id from monitoring_area")
                .query((rs, n) -> areas.put(rs.getString(1), rs.getLong(2)))
                .list();
        Map<String, Long> directions = new HashMap<>();
        int position = 0;
        for (DirectionSpec d : MonitoringDemoSpecs.DIRECTIONS) {
            Long areaId = areas.get(d.area());
            if (areaId == null) {
                continue; // an administrator renamed the areas before the demo loaded: nothing to attach to
            }
            long id = jdbc.sql("""
                            insert into monitoring_direction (area_id, code, name_pl, name_en, position)
                            values (:area, :code, :pl, :en, :position) returning id""")
                    .param("area", areaId)
                    .param("code", d.code())
                    .param("pl", d.namePl())
                    .param("en", d.nameEn())
                    .param("position", ++position)
                    .query(Long.class)
                    .single();
            directions.put(d.code(), id);
            int a = 0;
            for (String[] action : d.actions()) {
                a++;
                jdbc.sql("""
                                insert into monitoring_national_action (direction_id, code, name_pl, name_en, position)
                                values (:direction, :code, :pl, :en, :position)""")
                        .param("direction", id)
                        .param("code", d.code() + "." + a)
                        .param("pl", action[0])
                        .param("en", action[1])
                        .param("position", a)
                        .update();
            }
        }
        MonitoringDemoSpecs.NATIONAL_DIRECTIONS.forEach((indicator, direction) -> {
            Long directionId = directions.get(direction);
            if (directionId != null) {
                jdbc.sql(
                                "update monitoring_national_indicator set direction_id = :d, baseline_year = coalesce(baseline_year, 2014) where code = :c")
                        .param("d", directionId)
                        .param("c", indicator)
                        .update();
            }
        });
        return directions;
    }

    /** The yearly reporting periods, the last one open; by year. */
    Map<Integer, Long> periods() {
        LocalDate today = LocalDate.now(clock);
        Map<Integer, Long> periods = new HashMap<>();
        for (int year = MonitoringDemoData.FIRST_YEAR; year <= MonitoringDemoData.OPEN_YEAR; year++) {
            boolean open = year == MonitoringDemoData.OPEN_YEAR;
            LocalDate deadline = open ? today.plusDays(20) : LocalDate.of(year + 1, 3, 31);
            long id = jdbc.sql("""
                            insert into monitoring_period (kind, year, deadline, status, opened_at)
                            values ('YEAR', :year, :deadline, :status, :opened) returning id""")
                    .param("year", year)
                    .param("deadline", deadline)
                    .param("status", open ? "OPEN" : "CLOSED")
                    .param("opened", OffsetDateTime.of(year + 1, 1, 10, 9, 0, 0, 0, ZoneOffset.UTC))
                    .query(Long.class)
                    .single();
            periods.put(year, id);
        }
        return periods;
    }
}
