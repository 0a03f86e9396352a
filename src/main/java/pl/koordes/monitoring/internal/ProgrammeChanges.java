package pl.koordes.monitoring.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.monitoring.MonitoringAction;
import pl.koordes.monitoring.MonitoringChanged;
import pl.koordes.monitoring.internal.ProgrammeForms.IndicatorForm;
import pl.koordes.monitoring.internal.ProgrammeViews.Version;
import pl.koordes.shared.outcome.Refused;

/**
 * What every change of a programme draft has in common, for its versions ({@link ProgrammeManagement}) and
 * its content ({@link ProgrammeContentManagement}): the check of the draft's {@code row_version} as the form
 * showed it, the {@link MonitoringChanged} event published in the change's transaction, and the values
 * before and after that it carries (long texts as fingerprints).
 */
@Component
class ProgrammeChanges {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ProgrammeChanges(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Indicators no version and no value uses any more go. */
    void dropUnused(long regionId) {
        jdbc.sql("""
                        delete from monitoring_indicator i where i.region_id = :r
                        and not exists (select 1 from monitoring_version_indicator vi where vi.indicator_id = i.id)
                        and not exists (select 1 from monitoring_value v where v.indicator_id = i.id)""").param("r", regionId).update();
    }

    /**
     * Raises the draft's row version if it is still the one the form showed and the version is still a
     * draft; otherwise nothing is changed: someone else saved in between (a conflict), or the version has
     * been adopted or discarded (refused).
     */
    void lock(Version draft, @Nullable Integer rowVersion) {
        int changed = jdbc.sql("""
                        update monitoring_programme_version set row_version = row_version + 1
                        where id = :id and status = 'DRAFT' and row_version = :rv""")
                .param("id", draft.id())
                .param("rv", rowVersion == null ? -1 : rowVersion)
                .update();
        if (changed == 0) {
            boolean stillDraft = jdbc.sql(
                            "select count(*) > 0 from monitoring_programme_version where id = :id and status = 'DRAFT'")
                    .param("id", draft.id())
                    .query(Boolean.class)
                    .single();
            throw stillDraft
                    ? Refused.conflict("monitoring.programmes.stale")
                    : Refused.conflict("monitoring.programmes.notDraft");
        }
    }

    void publish(
            MonitoringAction action,
            String type,
            long id,
            long regionId,
            @Nullable Map<String, @Nullable Object> before,
            @Nullable Map<String, @Nullable Object> after) {
        events.publishEvent(new MonitoringChanged(action, type, Long.toString(id), regionId, before, after));
    }

    static Map<String, @Nullable Object> versionSnapshot(Version v) {
        return versionSnapshot(
                v.number(),
                v.status(),
                v.name(),
                v.periodStart(),
                v.periodEnd(),
                v.resolutionNumber(),
                Objects.toString(v.resolutionDate(), null));
    }

    static Map<String, @Nullable Object> versionSnapshot(
            int number,
            VersionStatus status,
            @Nullable String name,
            @Nullable Integer start,
            @Nullable Integer end,
            @Nullable String resolution,
            @Nullable String resolutionDate) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("number", number);
        map.put("status", status.name());
        map.put("periodStart", start);
        map.put("periodEnd", end);
        map.put("resolutionNumber", resolution);
        map.put("resolutionDate", resolutionDate);
        return map;
    }

    static Map<String, @Nullable Object> goalSnapshot(
            Version draft, @Nullable String name, @Nullable String description) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("version", draft.number());
        map.put("description", fingerprint(description));
        return map;
    }

    Map<String, @Nullable Object> actionSnapshot(
            Version draft, long goalId, @Nullable String name, List<Long> directions) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("version", draft.number());
        map.put("goal", goalId);
        map.put("directions", directionCodes(directions));
        return map;
    }

    String directionCodes(List<Long> ids) {
        if (ids.isEmpty()) {
            return "";
        }
        return jdbc
                .sql("select code from monitoring_direction where id in (:ids) order by code")
                .param("ids", ids)
                .query(String.class)
                .list()
                .stream()
                .collect(Collectors.joining(", "));
    }

    static Map<String, @Nullable Object> indicatorSnapshot(Version draft, IndicatorForm form) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("code", form.code());
        map.put("name", form.name());
        map.put("version", draft.number());
        map.put("unit", form.unit());
        map.put(
                "baseline",
                form.baselineValue() == null ? null : form.baselineValue().toPlainString());
        map.put("baselineYear", form.baselineYear());
        map.put(
                "improvement",
                form.improvement() == null ? null : form.improvement().name());
        map.put("timeRule", form.timeRule() == null ? null : form.timeRule().name());
        map.put("source", form.source());
        map.put("goal", form.goalId());
        map.put("nationalIndicator", form.nationalIndicatorId());
        map.put("regionRule", form.rule().name());
        return map;
    }

    static Map<String, @Nullable Object> targetsSnapshot(
            Version draft, String code, SortedMap<Integer, BigDecimal> targets) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("code", code);
        map.put("version", draft.number());
        new TreeMap<>(targets).forEach((year, value) -> map.put(Integer.toString(year), value.toPlainString()));
        return map;
    }

    /** Long texts are kept out of audit values: a fingerprint shows that they changed. */
    static @Nullable String fingerprint(@Nullable String text) {
        return text == null || text.isEmpty() ? null : Integer.toHexString(text.hashCode());
    }
}
