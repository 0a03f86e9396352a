package pl.koordes.monitoring.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import pl.koordes.monitoring.internal.MonitoringFigures.PeriodValue;
import pl.koordes.monitoring.internal.MonitoringFigures.RegionalIndicator;

/**
 * The arithmetic of the public figures ({@link MonitoringFigures}; docs/monitoring.md "How a figure is made"):
 * a regional indicator's year value from its approved period values, and the regions' values combined into a
 * national figure by the region rule.
 */
final class MonitoringFigureRules {

    private MonitoringFigureRules() {}

    /** The rule most mapped indicators use (SUM on a tie); null when none is aggregated. */
    static @Nullable RegionRule ruleOf(List<RegionalIndicator> mapped) {
        long sums =
                mapped.stream().filter(r -> r.regionRule() == RegionRule.SUM).count();
        long averages = mapped.stream()
                .filter(r -> r.regionRule() == RegionRule.AVERAGE)
                .count();
        if (sums == 0 && averages == 0) {
            return null;
        }
        return sums >= averages ? RegionRule.SUM : RegionRule.AVERAGE;
    }

    static BigDecimal combine(RegionRule rule, List<BigDecimal> values) {
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (rule == RegionRule.AVERAGE && !values.isEmpty()) {
            return sum.divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL64);
        }
        return sum;
    }

    /**
     * A regional indicator's value for each year from its approved period values: a flow sums the halves (or
     * takes the whole year's value where there is one), a stock takes the last period's value.
     */
    static SortedMap<Integer, BigDecimal> yearly(TimeRule rule, List<PeriodValue> values) {
        SortedMap<Integer, List<PeriodValue>> byYear = new TreeMap<>();
        values.stream()
                .filter(v -> v.value() != null)
                .sorted(Comparator.comparingInt(PeriodValue::position))
                .forEach(v ->
                        byYear.computeIfAbsent(v.year(), y -> new ArrayList<>()).add(v));
        SortedMap<Integer, BigDecimal> yearly = new TreeMap<>();
        byYear.forEach((year, list) -> {
            PeriodValue whole = list.stream()
                    .filter(v -> v.kind() == PeriodKind.YEAR)
                    .findFirst()
                    .orElse(null);
            BigDecimal value;
            if (rule == TimeRule.STOCK) {
                value = list.getLast().value();
            } else if (whole != null) {
                value = whole.value();
            } else {
                value = list.stream()
                        .map(PeriodValue::value)
                        .filter(v -> v != null)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
            }
            if (value != null) {
                yearly.put(year, value);
            }
        });
        return yearly;
    }
}
