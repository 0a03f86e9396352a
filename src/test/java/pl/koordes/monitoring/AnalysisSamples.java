package pl.koordes.monitoring;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Monitoring data for the analysis tests, written straight into the database: KPRES indicators, regional
 * indicators in the regions' current programmes, periods and values. Everything it makes has a code
 * starting with "T" (indicators), a direction code starting with "T." or a period after 2030, and
 * {@link #removeAll()} deletes it again.
 */
final class AnalysisSamples {

    private final JdbcClient jdbc;

    AnalysisSamples(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long national(String code, String name, String timeRule, @Nullable Long directionId) {
        return jdbc.sql("""
                        insert into monitoring_national_indicator
                            (area_id, direction_id, code, name_pl, name_en, unit, baseline, baseline_year, target,
                             target_year, time_rule, position)
                        values ((select id from monitoring_area where code = 'IV'), :direction, :code, :name, :name,
                                'liczba', 0, 2020, 1000, 2030, :time, 99)
                        returning id""")
                .param("direction", directionId)
                .param("code", code)
                .param("name", name)
                .param("time", timeRule)
                .query(Long.class)
                .single();
    }

    long direction(String code, String name) {
        return jdbc.sql("""
                        insert into monitoring_direction (area_id, code, name_pl, name_en, position)
                        values ((select id from monitoring_area where code = 'IV'), :code, :name, :name, 99)
                        returning id""")
                .param("code", code)
                .param("name", name)
                .query(Long.class)
                .single();
    }

    /** A regional indicator in the region's current programme, mapped to a KPRES indicator (or not). */
    long regional(
            String slug, String code, String name, @Nullable Long nationalId, String regionRule, String timeRule) {
        long id = jdbc.sql("""
                        insert into monitoring_indicator (region_id, code)
                        values ((select id from region where slug = :slug), :code) returning id""")
                .param("slug", slug)
                .param("code", code)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into monitoring_version_indicator
                            (version_id, indicator_id, position, name, unit, baseline, baseline_year, time_rule,
                             national_indicator_id, region_rule)
                        values ((select v.id from monitoring_programme_version v
                                 join monitoring_programme p on p.id = v.programme_id
                                 join region r on r.id = p.region_id
                                 where r.slug = :slug and v.status = 'CURRENT'),
                                :id, 99, :name, 'liczba', 0, 2020, :time, :national, :rule)""")
                .param("slug", slug)
                .param("id", id)
                .param("name", name)
                .param("time", timeRule)
                .param("national", nationalId)
                .param("rule", regionRule)
                .update();
        return id;
    }

    /** A period (a half-year when half is not null) after the demo's years. */
    long period(int year, @Nullable Integer half) {
        return jdbc.sql("""
                        insert into monitoring_period (kind, year, half, deadline, status)
                        values (:kind, :year, :half, make_date(:year + 1, 3, 31), 'CLOSED') returning id""")
                .param("kind", half == null ? "YEAR" : "HALF")
                .param("year", year)
                .param("half", half)
                .query(Long.class)
                .single();
    }

    void value(long indicatorId, long periodId, String status, @Nullable String value) {
        jdbc.sql("""
                        insert into monitoring_value (indicator_id, period_id, region_id, status, value)
                        values (:i, :p, (select region_id from monitoring_indicator where id = :i), :s, :v)""")
                .param("i", indicatorId)
                .param("p", periodId)
                .param("s", status)
                .param("v", value == null ? null : new BigDecimal(value))
                .update();
    }

    void removeAll() {
        jdbc.sql("""
                        delete from monitoring_value where indicator_id in
                            (select id from monitoring_indicator where code like 'T%')
                            or period_id in (select id from monitoring_period where year > 2030)""").update();
        jdbc.sql("""
                        delete from monitoring_version_indicator where indicator_id in
                            (select id from monitoring_indicator where code like 'T%')""").update();
        jdbc.sql("""
                        delete from monitoring_target where indicator_id in
                            (select id from monitoring_indicator where code like 'T%')""").update();
        jdbc.sql("delete from monitoring_indicator where code like 'T%'").update();
        jdbc.sql("delete from monitoring_national_indicator where code like 'T%'")
                .update();
        jdbc.sql("delete from monitoring_direction where code like 'T.%'").update();
        jdbc.sql("delete from monitoring_period where year > 2030").update();
    }
}
