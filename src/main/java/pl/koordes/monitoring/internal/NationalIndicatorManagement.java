package pl.koordes.monitoring.internal;

import static pl.koordes.monitoring.internal.NationalChanges.optional;
import static pl.koordes.monitoring.internal.NationalChanges.required;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.monitoring.MonitoringAction;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;

/**
 * Administrators' edits of the national indicators and their yearly targets (rows of their own). An
 * indicator stays in its area and measures one of the area's directions or the area as a whole; its
 * targets are saved as a whole list, checked against the version of the indicator the form was shown with.
 */
@Service
@Transactional
public class NationalIndicatorManagement {

    private final JdbcClient jdbc;
    private final NationalChanges changes;
    private final NationalProgrammeReads reads;
    private final NationalProgrammeManagement structure;

    NationalIndicatorManagement(
            JdbcClient jdbc,
            NationalChanges changes,
            NationalProgrammeReads reads,
            NationalProgrammeManagement structure) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.reads = reads;
        this.structure = structure;
    }

    public long createIndicator(long areaId, NationalIndicatorForm form) {
        reads.area(areaId).orElseThrow(() -> new NotFound("area", areaId));
        requireDirectionOf(areaId, form.directionId());
        structure.requireFreeCode("monitoring_national_indicator", form.code(), null);
        Map<String, @Nullable Object> values = values(form);
        values.put("area", areaId);
        long id;
        try {
            id = jdbc.sql("""
                            insert into monitoring_national_indicator
                                (area_id, direction_id, code, name_pl, name_en, unit, baseline, baseline_year, target,
                                 target_year, improvement, time_rule, source, latest_value, latest_year, position)
                            values (:area, :direction, :code, :pl, :en, :unit, :baseline, :baselineYear, :target,
                                    :targetYear, :improvement, :timeRule, :source, :latestValue, :latestYear, :position)
                            returning id""").params(values).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw Refused.field("code", "monitoring.national.code.taken");
        }
        changes.publish(
                MonitoringAction.MONITORING_NATIONAL_INDICATOR_CREATED,
                "national-indicator",
                id,
                null,
                changes.indicator(id).orElse(null));
        return id;
    }

    public void updateIndicator(long id, NationalIndicatorForm form) {
        NationalProgramme.Indicator stored = reads.indicator(id).orElseThrow(() -> new NotFound("indicator", id));
        Map<String, @Nullable Object> before = changes.indicator(id).orElseThrow(() -> new NotFound("indicator", id));
        requireDirectionOf(stored.areaId(), form.directionId());
        structure.requireFreeCode("monitoring_national_indicator", form.code(), id);
        Map<String, @Nullable Object> values = values(form);
        values.put("id", id);
        values.put("version", NationalProgrammeManagement.version(form.rowVersion()));
        int rows;
        try {
            rows = jdbc.sql("""
                            update monitoring_national_indicator
                            set direction_id = :direction, code = :code, name_pl = :pl, name_en = :en, unit = :unit,
                                baseline = :baseline, baseline_year = :baselineYear, target = :target,
                                target_year = :targetYear, improvement = :improvement, time_rule = :timeRule,
                                source = :source, latest_value = :latestValue, latest_year = :latestYear,
                                position = :position, row_version = row_version + 1
                            where id = :id and row_version = :version""").params(values).update();
        } catch (DuplicateKeyException e) {
            throw Refused.field("code", "monitoring.national.code.taken");
        }
        NationalChanges.requireUpdated(rows);
        changes.publish(
                MonitoringAction.MONITORING_NATIONAL_INDICATOR_UPDATED,
                "national-indicator",
                id,
                before,
                changes.indicator(id).orElse(null));
    }

    /**
     * Deletes an indicator with its yearly targets; refused while regional indicators add up to it (their
     * national aggregate would silently disappear).
     */
    public void deleteIndicator(long id) {
        Map<String, @Nullable Object> before = changes.indicator(id).orElseThrow(() -> new NotFound("indicator", id));
        jdbc.sql("select id from monitoring_national_indicator where id = :id for update")
                .param("id", id)
                .query(Long.class)
                .optional();
        if (reads.indicatorUsage(id).any()) {
            throw Refused.conflict("monitoring.national.indicator.inUse");
        }
        jdbc.sql("delete from monitoring_national_indicator where id = :id")
                .param("id", id)
                .update();
        changes.publish(MonitoringAction.MONITORING_NATIONAL_INDICATOR_DELETED, "national-indicator", id, before, null);
    }

    /**
     * Replaces the indicator's yearly targets with the filled rows of the form. Targets that are the same
     * as stored change nothing (no new version, no audit line), so a form open elsewhere stays valid.
     */
    public void saveTargets(long id, NationalTargetsForm form) {
        Integer current = jdbc.sql("select row_version from monitoring_national_indicator where id = :id for update")
                .param("id", id)
                .query(Integer.class)
                .optional()
                .orElseThrow(() -> new NotFound("indicator", id));
        if (current != NationalProgrammeManagement.version(form.rowVersion())) {
            throw Refused.conflict("monitoring.national.stale");
        }
        Map<Integer, BigDecimal> stored = new TreeMap<>();
        jdbc.sql("select year, value from monitoring_national_target where indicator_id = :id")
                .param("id", id)
                .query((rs, n) -> stored.put(rs.getInt(1), rs.getBigDecimal(2).stripTrailingZeros()))
                .list();
        Map<Integer, BigDecimal> wanted = new TreeMap<>();
        for (NationalTargetsForm.Row row : form.filled()) {
            Integer year = row.year();
            BigDecimal value = row.value();
            if (year != null && value != null) {
                wanted.put(year, value.stripTrailingZeros());
            }
        }
        if (wanted.equals(stored)) {
            return;
        }
        Map<String, @Nullable Object> before = changes.targets(id).orElse(null);
        jdbc.sql("delete from monitoring_national_target where indicator_id = :id")
                .param("id", id)
                .update();
        wanted.forEach((year, value) -> jdbc.sql(
                        "insert into monitoring_national_target (indicator_id, year, value) values (:id, :year, :value)")
                .param("id", id)
                .param("year", year)
                .param("value", value)
                .update());
        jdbc.sql("update monitoring_national_indicator set row_version = row_version + 1 where id = :id")
                .param("id", id)
                .update();
        changes.publish(
                MonitoringAction.MONITORING_NATIONAL_TARGETS_UPDATED,
                "national-indicator",
                id,
                before,
                changes.targets(id).orElse(null));
    }

    private void requireDirectionOf(long areaId, @Nullable Long directionId) {
        if (directionId != null
                && reads.direction(directionId)
                        .filter(d -> d.areaId() == areaId)
                        .isEmpty()) {
            throw Refused.field("directionId", "monitoring.national.direction.notInArea");
        }
    }

    private static Map<String, @Nullable Object> values(NationalIndicatorForm form) {
        Map<String, @Nullable Object> values = new HashMap<>();
        values.put("direction", form.directionId());
        values.put("code", required(form.code()));
        values.put("pl", required(form.namePl()));
        values.put("en", required(form.nameEn()));
        values.put("unit", required(form.unit()));
        values.put("baseline", form.baseline());
        values.put("baselineYear", form.baselineYear());
        values.put("target", form.target());
        values.put("targetYear", form.targetYear());
        Improvement improvement = form.improvement();
        TimeRule timeRule = form.timeRule();
        values.put("improvement", (improvement == null ? Improvement.UP : improvement).name());
        values.put("timeRule", (timeRule == null ? TimeRule.STOCK : timeRule).name());
        values.put("source", optional(form.source()));
        values.put("latestValue", form.latestValue());
        values.put("latestYear", form.latestYear());
        values.put("position", NationalProgrammeManagement.position(form.position()));
        return values;
    }
}
