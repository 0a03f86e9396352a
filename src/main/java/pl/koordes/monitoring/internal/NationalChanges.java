package pl.koordes.monitoring.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.monitoring.MonitoringAction;
import pl.koordes.monitoring.MonitoringChanged;
import pl.koordes.shared.outcome.Refused;

/**
 * What every edit of the national programme has in common: the record's values before and after (the
 * columns an administrator edits, under the form's names; a description as a fingerprint), the
 * {@link MonitoringChanged} event carrying them to the audit log, published in the edit's transaction,
 * and the check of the version a form was shown with.
 */
@Component
class NationalChanges {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    NationalChanges(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    Optional<Map<String, @Nullable Object>> area(long id) {
        return snapshot(
                "select code, name_pl as \"namePl\", name_en as \"nameEn\" from monitoring_area where id = :id", id);
    }

    Optional<Map<String, @Nullable Object>> direction(long id) {
        return snapshot("""
                select d.code, d.name_pl as "namePl", d.name_en as "nameEn", left(md5(d.description), 12) as description,
                       d.position, a.code as "areaCode",
                       (select string_agg(n.code, ', ' order by n.position, n.code)
                          from monitoring_national_action n where n.direction_id = d.id) as actions
                from monitoring_direction d join monitoring_area a on a.id = d.area_id where d.id = :id
                """, id);
    }

    Optional<Map<String, @Nullable Object>> action(long id) {
        return snapshot("""
                select n.code, n.name_pl as "namePl", n.name_en as "nameEn", n.position, d.code as "directionCode"
                from monitoring_national_action n join monitoring_direction d on d.id = n.direction_id where n.id = :id
                """, id);
    }

    Optional<Map<String, @Nullable Object>> indicator(long id) {
        return snapshot("""
                select i.code, i.name_pl as "namePl", i.name_en as "nameEn", i.unit, a.code as "areaCode",
                       d.code as "directionCode", trim_scale(i.baseline) as baseline, i.baseline_year as "baselineYear",
                       trim_scale(i.target) as target, i.target_year as "targetYear", i.improvement,
                       i.time_rule as "timeRule", i.source, trim_scale(i.latest_value) as "latestValue",
                       i.latest_year as "latestYear", i.position
                from monitoring_national_indicator i
                join monitoring_area a on a.id = i.area_id
                left join monitoring_direction d on d.id = i.direction_id
                where i.id = :id
                """, id);
    }

    Optional<Map<String, @Nullable Object>> targets(long id) {
        return snapshot("""
                select i.code, i.name_pl as "namePl",
                       (select string_agg(t.year || ': ' || trim_scale(t.value), '; ' order by t.year)
                          from monitoring_national_target t where t.indicator_id = i.id) as targets
                from monitoring_national_indicator i where i.id = :id
                """, id);
    }

    /** Publishes the change, unless nothing changed (a form saved as it was shown writes no audit line). */
    void publish(
            MonitoringAction action,
            String targetType,
            long id,
            @Nullable Map<String, @Nullable Object> before,
            @Nullable Map<String, @Nullable Object> after) {
        if (before != null && before.equals(after)) {
            return;
        }
        events.publishEvent(new MonitoringChanged(action, targetType, Long.toString(id), null, before, after));
    }

    /**
     * After an update {@code where id = :id and row_version = :version} of a record read just before changed
     * no row: someone saved it since the form was shown (a conflict; nothing is overwritten).
     */
    static void requireUpdated(int rows) {
        if (rows == 0) {
            throw Refused.conflict("monitoring.national.stale");
        }
    }

    /** A text as stored: an empty field is no value. Forms have normalised and checked it already. */
    static @Nullable String optional(@Nullable String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** A required text as stored; forms have refused a blank one already. */
    static String required(@Nullable String text) {
        return text == null ? "" : text;
    }

    private Optional<Map<String, @Nullable Object>> snapshot(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(NationalChanges::row).optional();
    }

    private static Map<String, @Nullable Object> row(ResultSet rs, int rowNumber) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, @Nullable Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object value = rs.getObject(i);
            // Numbers as plain text ("1.65"), so the audit log shows them the same way whatever serialises them.
            row.put(meta.getColumnLabel(i), value instanceof BigDecimal number ? number.toPlainString() : value);
        }
        return row;
    }
}
