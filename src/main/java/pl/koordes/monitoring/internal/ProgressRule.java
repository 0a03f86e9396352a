package pl.koordes.monitoring.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Whether an indicator is on track: its latest approved value against the straight trajectory from the
 * baseline to the target. The rule is written out on the pages that show a status (the message
 * {@code monitoring.progress.rule}), so keep the two together.
 *
 * <ul>
 *   <li>A <b>stock</b> (active enterprises, a share) is expected to move in a straight line from the baseline
 *       (in its base year) to the last target (in its year). The share of the planned change achieved by the
 *       value's year is {@code (value − baseline) / (expected − baseline)}.
 *   <li>A <b>flow</b> (new jobs a year) is compared with its own yearly target: {@code value / target}. Without
 *       a yearly target for that year, the last target is spread evenly over the years from the baseline's.
 *   <li>At least 90% of what was planned is on track, at least 60% at risk, less is off track. The direction
 *       of improvement is built in: for an indicator where lower is better, the planned change is negative and
 *       so is a good change, and the share stays positive.
 *   <li>No value, no target, or a trajectory that plans no change (and the value is no worse than the baseline)
 *       — see {@link Status#NO_DATA} and {@link Status#ON_TRACK}.
 * </ul>
 */
public final class ProgressRule {

    /** The share of the planned change from which an indicator is on track. */
    public static final BigDecimal ON_TRACK = new BigDecimal("0.9");
    /** The share from which it is at risk (below: off track). */
    public static final BigDecimal AT_RISK = new BigDecimal("0.6");

    private ProgressRule() {}

    public enum Status {
        ON_TRACK,
        AT_RISK,
        OFF_TRACK,
        /** No approved value, or no target to compare with. */
        NO_DATA
    }

    /**
     * An indicator's definition as the rule needs it.
     *
     * @param targets yearly targets (year → value); the last one is the final target
     */
    public record Definition(
            @Nullable BigDecimal baseline,
            @Nullable Integer baselineYear,
            Map<Integer, BigDecimal> targets,
            Improvement improvement,
            TimeRule timeRule) {}

    /**
     * The outcome: the status, the value expected in the value's year (null when unknown) and the share of
     * the plan achieved (null when it cannot be computed).
     */
    public record Progress(
            Status status,
            @Nullable BigDecimal expected,
            @Nullable BigDecimal achieved) {

        static final Progress NONE = new Progress(Status.NO_DATA, null, null);
    }

    /** The progress of a value reported for a year. */
    public static Progress of(Definition definition, @Nullable BigDecimal value, int year) {
        if (value == null || definition.targets().isEmpty()) {
            return Progress.NONE;
        }
        BigDecimal expected = expected(definition, year);
        if (expected == null) {
            return Progress.NONE;
        }
        BigDecimal share;
        if (definition.timeRule() == TimeRule.FLOW) {
            if (expected.signum() == 0) {
                return new Progress(Status.ON_TRACK, expected, null);
            }
            share = value.divide(expected, MathContext.DECIMAL64);
            if (definition.improvement() == Improvement.DOWN) {
                // Lower is better: a value at or below the yearly amount is on track.
                share = value.signum() == 0 ? BigDecimal.TEN : expected.divide(value, MathContext.DECIMAL64);
            }
        } else {
            BigDecimal baseline = definition.baseline();
            if (baseline == null) {
                return new Progress(statusOfLevel(definition, value, expected), expected, null);
            }
            BigDecimal planned = expected.subtract(baseline);
            BigDecimal done = value.subtract(baseline);
            if (planned.signum() == 0) {
                boolean noWorse = definition.improvement() == Improvement.UP ? done.signum() >= 0 : done.signum() <= 0;
                return new Progress(noWorse ? Status.ON_TRACK : Status.OFF_TRACK, expected, null);
            }
            share = done.divide(planned, MathContext.DECIMAL64);
        }
        return new Progress(statusOf(share), expected, share);
    }

    /** Without a baseline, a stock's value is compared with the expected level itself. */
    private static Status statusOfLevel(Definition definition, BigDecimal value, BigDecimal expected) {
        if (expected.signum() == 0) {
            return Status.ON_TRACK;
        }
        BigDecimal ratio = definition.improvement() == Improvement.UP
                ? value.divide(expected, MathContext.DECIMAL64)
                : (value.signum() == 0 ? BigDecimal.TEN : expected.divide(value, MathContext.DECIMAL64));
        return statusOf(ratio);
    }

    private static Status statusOf(BigDecimal share) {
        if (share.compareTo(ON_TRACK) >= 0) {
            return Status.ON_TRACK;
        }
        return share.compareTo(AT_RISK) >= 0 ? Status.AT_RISK : Status.OFF_TRACK;
    }

    /**
     * The value planned for a year: a flow's yearly target (or the last target spread evenly); a stock's point
     * on the straight line from the baseline to the last target (the last target itself from its year on).
     */
    public static @Nullable BigDecimal expected(Definition definition, int year) {
        SortedMap<Integer, BigDecimal> targets = new TreeMap<>(definition.targets());
        if (targets.isEmpty()) {
            return null;
        }
        int lastYear = targets.lastKey();
        BigDecimal last = targets.get(lastYear);
        if (definition.timeRule() == TimeRule.FLOW) {
            BigDecimal own = targets.get(year);
            if (own != null) {
                return own;
            }
            Integer from = definition.baselineYear();
            int years = from == null ? 1 : Math.max(1, lastYear - from);
            return last.divide(BigDecimal.valueOf(years), MathContext.DECIMAL64);
        }
        BigDecimal baseline = definition.baseline();
        Integer from = definition.baselineYear();
        if (baseline == null || from == null || year >= lastYear || lastYear <= from) {
            BigDecimal own = targets.get(year);
            return own != null ? own : (year >= lastYear || baseline == null ? last : baseline);
        }
        if (year <= from) {
            return baseline;
        }
        BigDecimal step = last.subtract(baseline)
                .multiply(BigDecimal.valueOf(year - from))
                .divide(BigDecimal.valueOf(lastYear - from), MathContext.DECIMAL64);
        return baseline.add(step);
    }
}
