package pl.koordes.monitoring.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.monitoring.MonitoringAction;
import pl.koordes.monitoring.MonitoringChanged;
import pl.koordes.monitoring.internal.ProgrammeForms.ActionForm;
import pl.koordes.monitoring.internal.ProgrammeForms.AdoptForm;
import pl.koordes.monitoring.internal.ProgrammeForms.DetailsForm;
import pl.koordes.monitoring.internal.ProgrammeForms.GoalForm;
import pl.koordes.monitoring.internal.ProgrammeForms.IndicatorForm;
import pl.koordes.monitoring.internal.ProgrammeForms.OpinionForm;
import pl.koordes.monitoring.internal.ProgrammeViews.Action;
import pl.koordes.monitoring.internal.ProgrammeViews.Goal;
import pl.koordes.monitoring.internal.ProgrammeViews.Indicator;
import pl.koordes.monitoring.internal.ProgrammeViews.Version;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;

/**
 * Changes to regional programmes: creating one, starting an update (a draft copied from the current
 * version with every goal's and action's lineage, mappings, indicators and targets), editing the draft,
 * the committee's opinion, adopting and discarding it. Only a draft changes; every change checks the
 * draft's {@code row_version} as the person saw it and raises it, and publishes {@link MonitoringChanged}
 * with the values before and after. Ids from a form are looked up within the draft, so a goal, an action
 * or an indicator of another version or region is not found.
 */
@Service
public class ProgrammeManagement {

    private final JdbcClient jdbc;
    private final ProgrammeStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProgrammeManagement(JdbcClient jdbc, ProgrammeStore store, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    // Programmes and versions

    /** A region without a programme gets one, with a first draft version; answers the draft's id. */
    @Transactional
    public long createProgramme(long regionId, long userId, DetailsForm form) {
        if (store.programmeOf(regionId).isPresent()) {
            throw Refused.conflict("monitoring.programmes.exists");
        }
        long programmeId = jdbc.sql("insert into monitoring_programme (region_id) values (:r) returning id")
                .param("r", regionId)
                .query(Long.class)
                .single();
        publish(
                MonitoringAction.MONITORING_PROGRAMME_CREATED,
                "programme",
                programmeId,
                regionId,
                null,
                Map.of("region", regionId));
        long versionId = jdbc.sql("""
                        insert into monitoring_programme_version
                            (programme_id, number, status, name, period_start, period_end, rationale, created_by)
                        values (:p, 1, 'DRAFT', :name, :start, :end, :rationale, :by) returning id""")
                .param("p", programmeId)
                .param("name", form.name())
                .param("start", form.periodStart())
                .param("end", form.periodEnd())
                .param("rationale", form.rationale())
                .param("by", userId)
                .query(Long.class)
                .single();
        publish(
                MonitoringAction.MONITORING_VERSION_DRAFTED,
                "programme-version",
                versionId,
                regionId,
                null,
                versionSnapshot(1, VersionStatus.DRAFT, form.name(), form.periodStart(), form.periodEnd(), null, null));
        return versionId;
    }

    /** Starts an update: a draft copying the current version whole. Answers the draft's id. */
    @Transactional
    public long startUpdate(long regionId, long userId, String rationale) {
        List<Version> versions = store.versions(regionId);
        if (ProgrammeStore.withStatus(versions, VersionStatus.DRAFT).isPresent()) {
            throw Refused.conflict("monitoring.programmes.draftExists");
        }
        Version current = ProgrammeStore.withStatus(versions, VersionStatus.CURRENT)
                .orElseThrow(() -> Refused.because("monitoring.programmes.noCurrent"));
        int number = versions.stream().mapToInt(Version::number).max().orElse(0) + 1;
        long draft = jdbc.sql("""
                        insert into monitoring_programme_version
                            (programme_id, number, status, name, period_start, period_end, rationale, created_by)
                        values (:p, :n, 'DRAFT', :name, :start, :end, :rationale, :by) returning id""")
                .param("p", current.programmeId())
                .param("n", number)
                .param("name", current.name())
                .param("start", current.periodStart())
                .param("end", current.periodEnd())
                .param("rationale", rationale)
                .param("by", userId)
                .query(Long.class)
                .single();
        copyContent(current.id(), draft);
        Map<String, @Nullable Object> after = versionSnapshot(
                number, VersionStatus.DRAFT, current.name(), current.periodStart(), current.periodEnd(), null, null);
        after.put("copiedFrom", current.number());
        publish(MonitoringAction.MONITORING_VERSION_DRAFTED, "programme-version", draft, regionId, null, after);
        return draft;
    }

    /** Copies goals, actions, mappings, indicators and targets, keeping each goal's and action's lineage. */
    private void copyContent(long from, long to) {
        jdbc.sql("""
                        insert into monitoring_goal (version_id, lineage, position, name, description)
                        select :to, lineage, position, name, description from monitoring_goal where version_id = :from""").param("to", to).param("from", from).update();
        jdbc.sql("""
                        insert into monitoring_action (goal_id, lineage, position, name, description)
                        select ng.id, a.lineage, a.position, a.name, a.description
                        from monitoring_action a
                        join monitoring_goal og on og.id = a.goal_id
                        join monitoring_goal ng on ng.version_id = :to and ng.lineage = og.lineage
                        where og.version_id = :from""").param("to", to).param("from", from).update();
        jdbc.sql("""
                        insert into monitoring_action_direction (action_id, direction_id)
                        select na.id, ad.direction_id
                        from monitoring_action_direction ad
                        join monitoring_action oa on oa.id = ad.action_id
                        join monitoring_goal og on og.id = oa.goal_id
                        join monitoring_goal ng on ng.version_id = :to and ng.lineage = og.lineage
                        join monitoring_action na on na.goal_id = ng.id and na.lineage = oa.lineage
                        where og.version_id = :from""").param("to", to).param("from", from).update();
        jdbc.sql("""
                        insert into monitoring_version_indicator
                            (version_id, indicator_id, goal_id, position, name, unit, baseline, baseline_year,
                             improvement, time_rule, source, national_indicator_id, region_rule)
                        select :to, vi.indicator_id, ng.id, vi.position, vi.name, vi.unit, vi.baseline, vi.baseline_year,
                               vi.improvement, vi.time_rule, vi.source, vi.national_indicator_id, vi.region_rule
                        from monitoring_version_indicator vi
                        left join monitoring_goal og on og.id = vi.goal_id
                        left join monitoring_goal ng on ng.version_id = :to and ng.lineage = og.lineage
                        where vi.version_id = :from""").param("to", to).param("from", from).update();
        jdbc.sql("""
                        insert into monitoring_target (version_id, indicator_id, year, value)
                        select :to, indicator_id, year, value from monitoring_target where version_id = :from""").param("to", to).param("from", from).update();
    }

    @Transactional
    public void updateDetails(Version draft, DetailsForm form) {
        lock(draft, form.rowVersion());
        jdbc.sql("""
                        update monitoring_programme_version
                        set name = :name, period_start = :start, period_end = :end, rationale = :rationale
                        where id = :id""")
                .param("name", form.name())
                .param("start", form.periodStart())
                .param("end", form.periodEnd())
                .param("rationale", form.rationale())
                .param("id", draft.id())
                .update();
        Map<String, @Nullable Object> before = versionSnapshot(draft);
        before.put("rationale", fingerprint(draft.rationale()));
        Map<String, @Nullable Object> after = versionSnapshot(
                draft.number(), draft.status(), form.name(), form.periodStart(), form.periodEnd(), null, null);
        after.put("rationale", fingerprint(form.rationale()));
        publish(
                MonitoringAction.MONITORING_VERSION_UPDATED,
                "programme-version",
                draft.id(),
                draft.regionId(),
                before,
                after);
    }

    @Transactional
    public void recordOpinion(Version draft, OpinionForm form) {
        lock(draft, form.rowVersion());
        jdbc.sql("""
                        update monitoring_programme_version set committee_opinion = :o, committee_opinion_date = :d
                        where id = :id""")
                .param("o", form.opinion())
                .param("d", form.opinionDate())
                .param("id", draft.id())
                .update();
        Map<String, @Nullable Object> before = new LinkedHashMap<>();
        before.put("number", draft.number());
        before.put("opinion", fingerprint(draft.committeeOpinion()));
        before.put("opinionDate", Objects.toString(draft.committeeOpinionDate(), null));
        Map<String, @Nullable Object> after = new LinkedHashMap<>();
        after.put("number", draft.number());
        after.put("opinion", fingerprint(form.opinion()));
        after.put("opinionDate", Objects.toString(form.opinionDate(), null));
        publish(
                MonitoringAction.MONITORING_COMMITTEE_OPINION_RECORDED,
                "programme-version",
                draft.id(),
                draft.regionId(),
                before,
                after);
    }

    /** The draft becomes current, the current one superseded; every version stays readable. */
    @Transactional
    public void adopt(Version draft, AdoptForm form) {
        lock(draft, form.rowVersion());
        List<Version> versions = store.versions(draft.regionId());
        Version current =
                ProgrammeStore.withStatus(versions, VersionStatus.CURRENT).orElse(null);
        if (current != null) {
            jdbc.sql(
                            "update monitoring_programme_version set status = 'SUPERSEDED', row_version = row_version + 1 where id = :id")
                    .param("id", current.id())
                    .update();
        }
        jdbc.sql("""
                        update monitoring_programme_version
                        set status = 'CURRENT', resolution_number = :n, resolution_date = :d, adopted_at = :at
                        where id = :id""")
                .param("n", form.resolutionNumber())
                .param("d", form.resolutionDate())
                .param("at", OffsetDateTime.now(clock))
                .param("id", draft.id())
                .update();
        Map<String, @Nullable Object> after = versionSnapshot(
                draft.number(),
                VersionStatus.CURRENT,
                draft.name(),
                draft.periodStart(),
                draft.periodEnd(),
                form.resolutionNumber(),
                Objects.toString(form.resolutionDate(), null));
        if (current != null) {
            after.put("superseded", current.number());
        }
        publish(
                MonitoringAction.MONITORING_VERSION_ADOPTED,
                "programme-version",
                draft.id(),
                draft.regionId(),
                versionSnapshot(draft),
                after);
    }

    /**
     * Deletes the draft with everything in it; a programme that had only this draft goes with it, and so do
     * indicators no version and no value uses any more.
     */
    @Transactional
    public void discard(Version draft) {
        lock(draft, draft.rowVersion());
        jdbc.sql("delete from monitoring_programme_version where id = :id")
                .param("id", draft.id())
                .update();
        jdbc.sql("""
                        delete from monitoring_programme p where p.id = :p
                        and not exists (select 1 from monitoring_programme_version v where v.programme_id = p.id)""").param("p", draft.programmeId()).update();
        dropUnused(draft.regionId());
        publish(
                MonitoringAction.MONITORING_VERSION_DISCARDED,
                "programme-version",
                draft.id(),
                draft.regionId(),
                versionSnapshot(draft),
                null);
    }

    // Goals

    @Transactional
    public long createGoal(Version draft, GoalForm form) {
        lock(draft, form.rowVersion());
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
        publish(
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
        lock(draft, form.rowVersion());
        jdbc.sql("update monitoring_goal set name = :name, description = :description where id = :id")
                .param("name", form.name())
                .param("description", form.description())
                .param("id", goal.id())
                .update();
        publish(
                MonitoringAction.MONITORING_GOAL_UPDATED,
                "goal",
                goal.id(),
                draft.regionId(),
                goalSnapshot(draft, goal.name(), goal.description()),
                goalSnapshot(draft, form.name(), form.description()));
    }

    @Transactional
    public void deleteGoal(Version draft, Goal goal, @Nullable Integer rowVersion) {
        lock(draft, rowVersion);
        jdbc.sql("delete from monitoring_goal where id = :id")
                .param("id", goal.id())
                .update();
        publish(
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
        lock(draft, form.rowVersion());
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
        publish(
                MonitoringAction.MONITORING_ACTION_CREATED,
                "action",
                id,
                draft.regionId(),
                null,
                actionSnapshot(draft, goalId, form.name(), directions));
        return id;
    }

    @Transactional
    public void updateAction(Version draft, Action action, ActionForm form) {
        lock(draft, form.rowVersion());
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
        publish(
                MonitoringAction.MONITORING_ACTION_UPDATED,
                "action",
                action.id(),
                draft.regionId(),
                actionSnapshot(
                        draft,
                        action.goalId(),
                        action.name(),
                        action.directions().stream()
                                .map(ProgrammeViews.Direction::id)
                                .toList()),
                actionSnapshot(draft, goalId, form.name(), directions));
    }

    @Transactional
    public void deleteAction(Version draft, Action action, @Nullable Integer rowVersion) {
        lock(draft, rowVersion);
        jdbc.sql("delete from monitoring_action where id = :id")
                .param("id", action.id())
                .update();
        publish(
                MonitoringAction.MONITORING_ACTION_DELETED,
                "action",
                action.id(),
                draft.regionId(),
                actionSnapshot(
                        draft,
                        action.goalId(),
                        action.name(),
                        action.directions().stream()
                                .map(ProgrammeViews.Direction::id)
                                .toList()),
                null);
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
        lock(draft, form.rowVersion());
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
        jdbc.sql("""
                        insert into monitoring_version_indicator
                            (version_id, indicator_id, goal_id, position, name, unit, baseline, baseline_year,
                             improvement, time_rule, source, national_indicator_id, region_rule)
                        values (:v, :i, :g,
                                (select coalesce(max(position), 0) + 1 from monitoring_version_indicator where version_id = :v),
                                :name, :unit, :baseline, :baselineYear, :improvement, :timeRule, :source, :national, :rule)""")
                .param("v", draft.id())
                .param("i", id)
                .param("g", form.goalId())
                .param("name", form.name())
                .param("unit", form.unit())
                .param("baseline", form.baselineValue())
                .param("baselineYear", form.baselineYear())
                .param("improvement", Objects.requireNonNull(form.improvement()).name())
                .param("timeRule", Objects.requireNonNull(form.timeRule()).name())
                .param("source", form.source())
                .param("national", form.nationalIndicatorId())
                .param("rule", form.rule().name())
                .update();
        SortedMap<Integer, BigDecimal> targets = form.targetValues();
        writeTargets(draft, id, targets);
        publish(
                MonitoringAction.MONITORING_INDICATOR_CREATED,
                "indicator",
                id,
                draft.regionId(),
                null,
                indicatorSnapshot(draft, form));
        if (!targets.isEmpty()) {
            publish(
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
        lock(draft, form.rowVersion());
        checkReferences(draft, form);
        jdbc.sql("""
                        update monitoring_version_indicator
                        set goal_id = :g, name = :name, unit = :unit, baseline = :baseline, baseline_year = :baselineYear,
                            improvement = :improvement, time_rule = :timeRule, source = :source,
                            national_indicator_id = :national, region_rule = :rule
                        where version_id = :v and indicator_id = :i""")
                .param("v", draft.id())
                .param("i", indicator.indicatorId())
                .param("g", form.goalId())
                .param("name", form.name())
                .param("unit", form.unit())
                .param("baseline", form.baselineValue())
                .param("baselineYear", form.baselineYear())
                .param("improvement", Objects.requireNonNull(form.improvement()).name())
                .param("timeRule", Objects.requireNonNull(form.timeRule()).name())
                .param("source", form.source())
                .param("national", form.nationalIndicatorId())
                .param("rule", form.rule().name())
                .update();
        Map<String, @Nullable Object> before = indicatorSnapshot(draft, IndicatorForm.of(indicator, 0));
        Map<String, @Nullable Object> after = indicatorSnapshot(draft, form);
        after.put("code", indicator.code());
        publish(
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
            publish(
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
        lock(draft, rowVersion);
        jdbc.sql("delete from monitoring_version_indicator where version_id = :v and indicator_id = :i")
                .param("v", draft.id())
                .param("i", indicator.indicatorId())
                .update();
        dropUnused(draft.regionId());
        publish(
                MonitoringAction.MONITORING_INDICATOR_DELETED,
                "indicator",
                indicator.indicatorId(),
                draft.regionId(),
                indicatorSnapshot(draft, IndicatorForm.of(indicator, 0)),
                null);
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

    private void dropUnused(long regionId) {
        jdbc.sql("""
                        delete from monitoring_indicator i where i.region_id = :r
                        and not exists (select 1 from monitoring_version_indicator vi where vi.indicator_id = i.id)
                        and not exists (select 1 from monitoring_value v where v.indicator_id = i.id)""").param("r", regionId).update();
    }

    // Locking and audit

    /**
     * Raises the draft's row version if it is still the one the form showed and the version is still a
     * draft; otherwise nothing is changed: someone else saved in between (a conflict), or the version has
     * been adopted or discarded (refused).
     */
    private void lock(Version draft, @Nullable Integer rowVersion) {
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

    private void publish(
            MonitoringAction action,
            String type,
            long id,
            long regionId,
            @Nullable Map<String, @Nullable Object> before,
            @Nullable Map<String, @Nullable Object> after) {
        events.publishEvent(new MonitoringChanged(action, type, Long.toString(id), regionId, before, after));
    }

    private static Map<String, @Nullable Object> versionSnapshot(Version v) {
        return versionSnapshot(
                v.number(),
                v.status(),
                v.name(),
                v.periodStart(),
                v.periodEnd(),
                v.resolutionNumber(),
                Objects.toString(v.resolutionDate(), null));
    }

    private static Map<String, @Nullable Object> versionSnapshot(
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

    private static Map<String, @Nullable Object> goalSnapshot(
            Version draft, @Nullable String name, @Nullable String description) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("version", draft.number());
        map.put("description", fingerprint(description));
        return map;
    }

    private Map<String, @Nullable Object> actionSnapshot(
            Version draft, long goalId, @Nullable String name, List<Long> directions) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("version", draft.number());
        map.put("goal", goalId);
        map.put("directions", directionCodes(directions));
        return map;
    }

    private String directionCodes(List<Long> ids) {
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

    private static Map<String, @Nullable Object> indicatorSnapshot(Version draft, IndicatorForm form) {
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

    private static Map<String, @Nullable Object> targetsSnapshot(
            Version draft, String code, SortedMap<Integer, BigDecimal> targets) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("code", code);
        map.put("version", draft.number());
        new TreeMap<>(targets).forEach((year, value) -> map.put(Integer.toString(year), value.toPlainString()));
        return map;
    }

    /** Long texts are kept out of audit values: a fingerprint shows that they changed. */
    private static @Nullable String fingerprint(@Nullable String text) {
        return text == null || text.isEmpty() ? null : Integer.toHexString(text.hashCode());
    }
}
