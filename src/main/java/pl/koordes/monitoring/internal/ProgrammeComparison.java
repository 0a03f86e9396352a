package pl.koordes.monitoring.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import pl.koordes.monitoring.internal.ProgrammeViews.Action;
import pl.koordes.monitoring.internal.ProgrammeViews.Content;
import pl.koordes.monitoring.internal.ProgrammeViews.Direction;
import pl.koordes.monitoring.internal.ProgrammeViews.Goal;
import pl.koordes.monitoring.internal.ProgrammeViews.Indicator;

/**
 * Two versions of a programme side by side, row by row: goals and actions matched by their lineage (the
 * same goal in two versions shares it), indicators by their stable id. Says what was added, removed or
 * changed, and how: renamed, moved to another goal, directions mapped or unmapped, which fields of an
 * indicator changed, and each year's target old → new.
 */
public record ProgrammeComparison(
        Content before,
        Content after,
        List<String> detailsChanged,
        List<GoalRow> goals,
        List<IndicatorRow> indicators) {

    public enum Change {
        ADDED,
        REMOVED,
        CHANGED,
        UNCHANGED
    }

    public record GoalRow(
            Change change, @Nullable Goal before, @Nullable Goal after, boolean renamed, List<ActionRow> actions) {}

    public record ActionRow(
            Change change,
            @Nullable Action before,
            @Nullable Action after,
            boolean renamed,
            boolean moved,
            List<Direction> directionsAdded,
            List<Direction> directionsRemoved,
            List<Direction> directionsKept) {}

    public record TargetChange(
            int year, @Nullable BigDecimal before, @Nullable BigDecimal after) {

        public Change change() {
            if (before == null) {
                return Change.ADDED;
            }
            if (after == null) {
                return Change.REMOVED;
            }
            return before.compareTo(after) == 0 ? Change.UNCHANGED : Change.CHANGED;
        }
    }

    public record IndicatorRow(
            Change change,
            @Nullable Indicator before,
            @Nullable Indicator after,
            List<String> fieldsChanged,
            List<TargetChange> targets) {

        public Indicator either() {
            return Objects.requireNonNull(after != null ? after : before);
        }

        public boolean targetsChanged() {
            return targets.stream().anyMatch(t -> t.change() != Change.UNCHANGED);
        }
    }

    /** Whether anything differs at all. */
    public boolean anyChange() {
        return !detailsChanged.isEmpty()
                || goals.stream()
                        .anyMatch(g -> g.change() != Change.UNCHANGED
                                || g.actions().stream().anyMatch(a -> a.change() != Change.UNCHANGED))
                || indicators.stream().anyMatch(i -> i.change() != Change.UNCHANGED);
    }

    /** {@code before} is the older version (or the current one against a draft), {@code after} the newer. */
    public static ProgrammeComparison of(Content before, Content after) {
        List<String> details = new ArrayList<>();
        if (!before.version().name().equals(after.version().name())) {
            details.add("name");
        }
        if (before.version().periodStart() != after.version().periodStart()
                || before.version().periodEnd() != after.version().periodEnd()) {
            details.add("period");
        }
        return new ProgrammeComparison(before, after, details, goals(before, after), indicators(before, after));
    }

    private static List<GoalRow> goals(Content before, Content after) {
        Map<Long, Goal> oldGoals = new HashMap<>();
        before.goals().forEach(g -> oldGoals.put(g.lineage(), g));
        Map<Long, Action> oldActions = new HashMap<>();
        before.actions().forEach(a -> oldActions.put(a.lineage(), a));
        Map<Long, Goal> oldGoalsById = new HashMap<>();
        before.goals().forEach(g -> oldGoalsById.put(g.id(), g));
        Set<Long> newActionLineages = new HashSet<>();
        after.actions().forEach(a -> newActionLineages.add(a.lineage()));
        Set<Long> newGoalLineages = new HashSet<>();
        after.goals().forEach(g -> newGoalLineages.add(g.lineage()));

        List<GoalRow> rows = new ArrayList<>();
        for (Goal goal : after.goals()) {
            Goal old = oldGoals.get(goal.lineage());
            List<ActionRow> actions = new ArrayList<>();
            for (Action action : after.actionsOf(goal)) {
                Action was = oldActions.get(action.lineage());
                if (was == null) {
                    actions.add(new ActionRow(
                            Change.ADDED, null, action, false, false, action.directions(), List.of(), List.of()));
                    continue;
                }
                Goal wasGoal = oldGoalsById.get(was.goalId());
                boolean moved = wasGoal == null || wasGoal.lineage() != goal.lineage();
                boolean renamed =
                        !was.name().equals(action.name()) || !Objects.equals(was.description(), action.description());
                List<Direction> added = without(action.directions(), was.directions());
                List<Direction> removed = without(was.directions(), action.directions());
                List<Direction> kept = without(action.directions(), added);
                boolean changed = moved || renamed || !added.isEmpty() || !removed.isEmpty();
                actions.add(new ActionRow(
                        changed ? Change.CHANGED : Change.UNCHANGED,
                        was,
                        action,
                        renamed,
                        moved,
                        added,
                        removed,
                        kept));
            }
            if (old != null) {
                for (Action was : before.actionsOf(old)) {
                    if (!newActionLineages.contains(was.lineage())) {
                        actions.add(new ActionRow(
                                Change.REMOVED, was, null, false, false, List.of(), was.directions(), List.of()));
                    }
                }
            }
            if (old == null) {
                rows.add(new GoalRow(Change.ADDED, null, goal, false, actions));
            } else {
                boolean renamed =
                        !old.name().equals(goal.name()) || !Objects.equals(old.description(), goal.description());
                rows.add(new GoalRow(renamed ? Change.CHANGED : Change.UNCHANGED, old, goal, renamed, actions));
            }
        }
        for (Goal old : before.goals()) {
            if (!newGoalLineages.contains(old.lineage())) {
                List<ActionRow> actions = new ArrayList<>();
                for (Action was : before.actionsOf(old)) {
                    if (!newActionLineages.contains(was.lineage())) {
                        actions.add(new ActionRow(
                                Change.REMOVED, was, null, false, false, List.of(), was.directions(), List.of()));
                    }
                }
                rows.add(new GoalRow(Change.REMOVED, old, null, false, actions));
            }
        }
        return rows;
    }

    private static List<Direction> without(List<Direction> these, List<Direction> those) {
        Set<Long> ids = new HashSet<>();
        those.forEach(d -> ids.add(d.id()));
        return these.stream().filter(d -> !ids.contains(d.id())).toList();
    }

    private static List<IndicatorRow> indicators(Content before, Content after) {
        Map<Long, Indicator> old = new HashMap<>();
        before.indicators().forEach(i -> old.put(i.indicatorId(), i));
        Set<Long> seen = new HashSet<>();
        List<IndicatorRow> rows = new ArrayList<>();
        for (Indicator now : after.indicators()) {
            seen.add(now.indicatorId());
            Indicator was = old.get(now.indicatorId());
            if (was == null) {
                rows.add(new IndicatorRow(Change.ADDED, null, now, List.of(), targets(null, now)));
                continue;
            }
            List<String> fields = fields(before, after, was, now);
            List<TargetChange> targets = targets(was, now);
            boolean changed = !fields.isEmpty() || targets.stream().anyMatch(t -> t.change() != Change.UNCHANGED);
            rows.add(new IndicatorRow(changed ? Change.CHANGED : Change.UNCHANGED, was, now, fields, targets));
        }
        for (Indicator was : before.indicators()) {
            if (!seen.contains(was.indicatorId())) {
                rows.add(new IndicatorRow(Change.REMOVED, was, null, List.of(), targets(was, null)));
            }
        }
        return rows;
    }

    /** The names of the fields that differ, as the message keys {@code monitoring.programmes.field.*} name them. */
    private static List<String> fields(Content before, Content after, Indicator was, Indicator now) {
        List<String> fields = new ArrayList<>();
        if (!was.name().equals(now.name())) {
            fields.add("name");
        }
        if (!was.unit().equals(now.unit())) {
            fields.add("unit");
        }
        if (!sameNumber(was.baseline(), now.baseline()) || !Objects.equals(was.baselineYear(), now.baselineYear())) {
            fields.add("baseline");
        }
        if (!Objects.equals(was.source(), now.source())) {
            fields.add("source");
        }
        if (was.improvement() != now.improvement()) {
            fields.add("improvement");
        }
        if (was.timeRule() != now.timeRule()) {
            fields.add("timeRule");
        }
        Goal wasGoal = before.goal(was.goalId());
        Goal nowGoal = after.goal(now.goalId());
        if (!Objects.equals(wasGoal == null ? null : wasGoal.lineage(), nowGoal == null ? null : nowGoal.lineage())) {
            fields.add("goal");
        }
        Long wasNational = was.national() == null ? null : was.national().id();
        Long nowNational = now.national() == null ? null : now.national().id();
        if (!Objects.equals(wasNational, nowNational) || was.regionRule() != now.regionRule()) {
            fields.add("national");
        }
        return fields;
    }

    private static boolean sameNumber(@Nullable BigDecimal a, @Nullable BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static List<TargetChange> targets(@Nullable Indicator was, @Nullable Indicator now) {
        TreeSet<Integer> years = new TreeSet<>();
        if (was != null) {
            years.addAll(was.targets().keySet());
        }
        if (now != null) {
            years.addAll(now.targets().keySet());
        }
        List<TargetChange> changes = new ArrayList<>();
        for (int year : years) {
            changes.add(new TargetChange(
                    year,
                    was == null ? null : was.targets().get(year),
                    now == null ? null : now.targets().get(year)));
        }
        return changes;
    }
}
