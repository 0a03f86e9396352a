package pl.koordes.monitoring.internal;

import static pl.koordes.monitoring.internal.ProgrammeChanges.goalSnapshot;
import static pl.koordes.monitoring.internal.ProgrammeChanges.indicatorSnapshot;
import static pl.koordes.monitoring.internal.ProgrammeChanges.targetsSnapshot;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.monitoring.MonitoringAction;
import pl.koordes.monitoring.MonitoringChanged;
import pl.koordes.monitoring.internal.ProgrammeForms.ActionForm;
import pl.koordes.monitoring.internal.ProgrammeForms.GoalForm;
import pl.koordes.monitoring.internal.ProgrammeForms.IndicatorForm;
import pl.koordes.monitoring.internal.ProgrammeViews.Action;
import pl.koordes.monitoring.internal.ProgrammeViews.Goal;
import pl.koordes.monitoring.internal.ProgrammeViews.Indicator;
import pl.koordes.monitoring.internal.ProgrammeViews.Version;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;

/**
 * Changes to the content of a programme draft: its goals, actions (with their KPRES directions) and
 * indicators with their yearly targets. Like every change of a draft ({@link ProgrammeChanges}), each checks
 * the draft's {@code row_version} as the person saw it and raises it, and publishes {@link MonitoringChanged}
 * with the values before and after. Ids from a form are looked up within the draft, so a goal of another
 * version or region is not found.
 */
@Service
public class ProgrammeContentManagement {

    private final JdbcClient jdbc;
    private final ProgrammeChanges changes;

    ProgrammeContentManagement(JdbcClient jdbc, ProgrammeChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    // Goals

    @Transactional
    public long createGoal(Version draft, GoalForm form) {
        changes.lock(draft, form.rowVersion());
        long id = jdbc.sql("""
                        insert into monitoring_goal (version_id, lineage, position, name, description)
                        values (:v, 0, (select coalesce(max(position), 0) + 1 from monitoring_goal where version_id = :v),
                                :name, :description) returning id""")
                .param("v", draft.id())
                .param("name", form.name())
                .param("description", form.description())
                .query(Long.class)
                .single();
        jdbc.sql("update monitoring_goal set lineage = id where id = :id")
                .param("id", id)
                .update();
        changes.publish(
                MonitoringAction.MONITORING_GOAL_CREATED,
                "goal",
                id,
                draft.regionId(),
                null,
                goalSnapshot(draft, form.name(), form.description()));
        return id;
    }

    @Transactional
    public void updateGoal(Version draft, Goal goal, GoalForm form) {
        changes.lock(draft, form.rowVersion());
        jdbc.sql("update monitoring_goal set name = :name, description = :description where id = :id")
                .param("name", form.name())
                .param("description", form.description())
                .param("id", goal.id())
                .update();
        changes.publish(
                MonitoringAction.MONITORING_GOAL_UPDATED,
                "goal",
                goal.id(),
                draft.regionId(),
                goalSnapshot(draft, goal.name(), goal.description()),
                goalSnapshot(draft, form.name(), form.description()));
    }

    @Transactional
    public void deleteGoal(Version draft, Goal goal, @Nullable Integer rowVersion) {
        changes.lock(draft, rowVersion);
        jdbc.sql("delete from monitoring_goal where id = :id")
                .param("id", goal.id())
                .update();
        changes.publish(
                MonitoringAction.MONITORING_GOAL_DELETED,
                "goal",
                goal.id(),
                draft.regionId(),
                goalSnapshot(draft, goal.name(), goal.description()),
                null);
    }

    // Actions

    @Transactional
    public long createAction(Version draft, ActionForm form) {
        changes.lock(draft, form.rowVersion());
        long goalId = goalOf(draft, form.goalId());
        List<Long> directions = directions(form.chosen());
        long id = jdbc.sql("""
                        insert into monitoring_action (goal_id, lineage, position, name, description)
                        values (:g, 0, (select coalesce(max(position), 0) + 1 from monitoring_action where goal_id = :g),
                                :name, :description) returning id""")
                .param("g", goalId)
                .param("name", form.name())
                .param("description", form.description())
                .query(Long.class)
                .single();
        jdbc.sql("update monitoring_action set lineage = id where id = :id")
                .param("id", id)
                .update();
        map(id, directions);
        changes.publish(
                MonitoringAction.MONITORING_ACTION_CREATED,
                "action",
                id,
                draft.regionId(),
                null,
                changes.actionSnapshot(draft, goalId, form.name(), directions));
        return id;
    }

    @Transactional
    public void updateAction(Version draft, Action action, ActionForm form) {
        changes.lock(draft, form.rowVersion());
        long goalId = goalOf(draft, form.goalId());
        List<Long> directions = directions(form.chosen());
        jdbc.sql("""
                        update monitoring_action set goal_id = :g, name = :name, description = :description,
                            position = case when goal_id = :g then position
                                else (select coalesce(max(position), 0) + 1 from monitoring_action where goal_id = :g) end
                        where id = :id""")
                .param("g", goalId)
                .param("name", form.name())
                .param("description", form.description())
                .param("id", action.id())
                .update();
        jdbc.sql("delete from monitoring_action_direction where action_id = :id")
                .param("id", action.id())
                .update();
        map(action.id(), directions);
        changes.publish(
                MonitoringAction.MONITORING_ACTION_UPDATED,
                "action",
                action.id(),
                draft.regionId(),
                snapshot(draft, action),
                changes.actionSnapshot(draft, goalId, form.name(), directions));
    }

    @Transactional
    public void deleteAction(Version draft, Action action, @Nullable Integer rowVersion) {
        changes.lock(draft, rowVersion);
        jdbc.sql("delete from monitoring_action where id = :id")
                .param("id", action.id())
                .update();
        changes.publish(
                MonitoringAction.MONITORING_ACTION_DELETED,
                "action",
                action.id(),
                draft.regionId(),
                snapshot(draft, action),
                null);
    }

    private Map<String, @Nullable Object> snapshot(Version draft, Action action) {
        List<Long> directions =
                action.directions().stream().map(ProgrammeViews.Direction::id).toList();
        return changes.actionSnapshot(draft, action.goalId(), action.name(), directions);
    }

    private void map(long actionId, List<Long> directions) {
        for (long direction : directions) {
            jdbc.sql("insert into monitoring_action_direction (action_id, direction_id) values (:a, :d)")
                    .param("a", actionId)
                    .param("d", direction)
                    .update();
        }
    }

    /** The directions chosen, each of which must exist (a forged id is refused beside the checkboxes). */
    private List<Long> directions(List<Long> chosen) {
        if (chosen.isEmpty()) {
            return chosen;
        }
        long known = jdbc.sql("select count(*) from monitoring_direction where id in (:ids)")
                .param("ids", chosen)
                .query(Long.class)
                .single();
        if (known != chosen.size()) {
            throw Refused.field("directions", "monitoring.programmes.directions.unknown");
        }
        return chosen;
    }

    // Indicators

    /**
     * Adds an indicator to the draft: a new one with a code unique in the region, or one the region had in
     * an earlier version (the same code), so that its reported values stay with it.
     */
    @Transactional
    public long addIndicator(Version draft, IndicatorForm form) {
        changes.lock(draft, form.rowVersion());
        checkReferences(draft, form);
        String code = Objects.requireNonNull(form.code());
        Long existing = jdbc.sql("select id from monitoring_indicator where region_id = :r and lower(code) = lower(:c)")
                .param("r", draft.regionId())
                .param("c", code)
                .query(Long.class)
                .optional()
                .orElse(null);
        long id;
        if (existing != null) {
            boolean inDraft = jdbc.sql("""
                            select count(*) > 0 from monitoring_version_indicator where version_id = :v and indicator_id = :i""")
                    .param("v", draft.id())
                    .param("i", existing)
                    .query(Boolean.class)
                    .single();
            if (inDraft) {
                throw Refused.field("code", "monitoring.programmes.indicatorCode.taken");
            }
            id = existing;
        } else {
            id = jdbc.sql("insert into monitoring_indicator (region_id, code) values (:r, :c) returning id")
                    .param("r", draft.regionId())
                    .param("c", code)
                    .query(Long.class)
                    .single();
        }
        withFields(form, jdbc.sql("""
                        insert into monitoring_version_indicator
                            (version_id, indicator_id, goal_id, position, name, unit, baseline, baseline_year,
                             improvement, time_rule, source, national_indicator_id, region_rule)
                        values (:v, :i, :g,
                                (select coalesce(max(position), 0) + 1 from monitoring_version_indicator where version_id = :v),
                                :name, :unit, :baseline, :baselineYear, :improvement, :timeRule, :source, :national, :rule)""").param("v", draft.id()).param("i", id)).update();
        SortedMap<Integer, BigDecimal> targets = form.targetValues();
        writeTargets(draft, id, targets);
        changes.publish(
                MonitoringAction.MONITORING_INDICATOR_CREATED,
                "indicator",
                id,
                draft.regionId(),
                null,
                indicatorSnapshot(draft, form));
        if (!targets.isEmpty()) {
            changes.publish(
                    MonitoringAction.MONITORING_TARGETS_UPDATED,
                    "indicator",
                    id,
                    draft.regionId(),
                    null,
                    targetsSnapshot(draft, code, targets));
        }
        return id;
    }

    @Transactional
    public void updateIndicator(Version draft, Indicator indicator, IndicatorForm form) {
        changes.lock(draft, form.rowVersion());
        checkReferences(draft, form);
        withFields(form, jdbc.sql("""
                        update monitoring_version_indicator
                        set goal_id = :g, name = :name, unit = :unit, baseline = :baseline, baseline_year = :baselineYear,
                            improvement = :improvement, time_rule = :timeRule, source = :source,
                            national_indicator_id = :national, region_rule = :rule
                        where version_id = :v and indicator_id = :i""").param("v", draft.id()).param("i", indicator.indicatorId()))
                .update();
        Map<String, @Nullable Object> before = indicatorSnapshot(draft, IndicatorForm.of(indicator, 0));
        Map<String, @Nullable Object> after = indicatorSnapshot(draft, form);
        after.put("code", indicator.code());
        changes.publish(
                MonitoringAction.MONITORING_INDICATOR_UPDATED,
                "indicator",
                indicator.indicatorId(),
                draft.regionId(),
                before,
                after);
        SortedMap<Integer, BigDecimal> targets = form.targetValues();
        if (!sameTargets(indicator.targets(), targets)) {
            jdbc.sql("delete from monitoring_target where version_id = :v and indicator_id = :i")
                    .param("v", draft.id())
                    .param("i", indicator.indicatorId())
                    .update();
            writeTargets(draft, indicator.indicatorId(), targets);
            changes.publish(
                    MonitoringAction.MONITORING_TARGETS_UPDATED,
                    "indicator",
                    indicator.indicatorId(),
                    draft.regionId(),
                    targetsSnapshot(draft, indicator.code(), indicator.targets()),
                    targetsSnapshot(draft, indicator.code(), targets));
        }
    }

    /** Removes the indicator from the draft; its values stay with the indicator (and earlier versions). */
    @Transactional
    public void removeIndicator(Version draft, Indicator indicator, @Nullable Integer rowVersion) {
        changes.lock(draft, rowVersion);
        jdbc.sql("delete from monitoring_version_indicator where version_id = :v and indicator_id = :i")
                .param("v", draft.id())
                .param("i", indicator.indicatorId())
                .update();
        changes.dropUnused(draft.regionId());
        changes.publish(
                MonitoringAction.MONITORING_INDICATOR_DELETED,
                "indicator",
                indicator.indicatorId(),
                draft.regionId(),
                indicatorSnapshot(draft, IndicatorForm.of(indicator, 0)),
                null);
    }

    /** The indicator's fields as the form gives them, for the insert and the update alike. */
    private static StatementSpec withFields(IndicatorForm form, StatementSpec statement) {
        return statement
                .param("g", form.goalId())
                .param("name", form.name())
                .param("unit", form.unit())
                .param("baseline", form.baselineValue())
                .param("baselineYear", form.baselineYear())
                .param("improvement", Objects.requireNonNull(form.improvement()).name())
                .param("timeRule", Objects.requireNonNull(form.timeRule()).name())
                .param("source", form.source())
                .param("national", form.nationalIndicatorId())
                .param("rule", form.rule().name());
    }

    private void writeTargets(Version draft, long indicatorId, SortedMap<Integer, BigDecimal> targets) {
        targets.forEach((year, value) -> jdbc.sql("""
                        insert into monitoring_target (version_id, indicator_id, year, value) values (:v, :i, :y, :value)""")
                .param("v", draft.id())
                .param("i", indicatorId)
                .param("y", year)
                .param("value", value)
                .update());
    }

    private static boolean sameTargets(SortedMap<Integer, BigDecimal> a, SortedMap<Integer, BigDecimal> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(e -> e.getValue().compareTo(b.get(e.getKey())) == 0);
    }

    /** The goal and the KPRES indicator named in the form must be this draft's goal and a real indicator. */
    private void checkReferences(Version draft, IndicatorForm form) {
        if (form.goalId() != null) {
            goalOf(draft, form.goalId());
        }
        if (form.nationalIndicatorId() != null) {
            boolean known = jdbc.sql("select count(*) > 0 from monitoring_national_indicator where id = :id")
                    .param("id", form.nationalIndicatorId())
                    .query(Boolean.class)
                    .single();
            if (!known) {
                throw Refused.field("nationalIndicatorId", "monitoring.programmes.national.unknown");
            }
        }
    }

    /** A goal of this draft; any other id (another version's, another region's) is not found. */
    private long goalOf(Version draft, @Nullable Long goalId) {
        if (goalId == null) {
            throw Refused.field("goalId", "monitoring.programmes.actionGoal.required");
        }
        return jdbc.sql("select id from monitoring_goal where id = :id and version_id = :v")
                .param("id", goalId)
                .param("v", draft.id())
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new NotFound("goal", goalId));
    }
}
