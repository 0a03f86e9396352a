package pl.koordes.shared.charts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The classes a map colours its areas by. The first class runs from the smallest value to its upper bound,
 * both included; each next one from above the previous bound up to its own. Classes never repeat a bound:
 * all-equal values make one class, no values none.
 *
 * @param classes lowest first
 */
public record ClassBreaks(List<ValueClass> classes) {

    /** The fewest and most classes a map may ask for: fewer say nothing, more no eye tells apart. */
    public static final int MIN_CLASSES = 3;

    public static final int MAX_CLASSES = 7;

    public enum Method {
        /** About the same number of areas in each class (breaks at the sorted values' quantiles). */
        QUANTILE,
        /** Classes of equal width between the smallest and largest value. */
        EQUAL_INTERVAL
    }

    /**
     * One class: values above {@code lower} (from {@code lower} itself for the first class) up to {@code upper}.
     *
     * @param index 0 for the lowest class
     */
    public record ValueClass(int index, BigDecimal lower, BigDecimal upper) {

        public boolean first() {
            return index == 0;
        }

        /** Whether the class holds a single value (all areas equal). */
        public boolean single() {
            return lower.compareTo(upper) == 0;
        }
    }

    public ClassBreaks {
        classes = List.copyOf(classes);
    }

    /** Breaks for these values in at most {@code count} classes ({@value #MIN_CLASSES}–{@value #MAX_CLASSES}). */
    public static ClassBreaks of(Collection<BigDecimal> values, Method method, int count) {
        if (count < MIN_CLASSES || count > MAX_CLASSES) {
            throw new IllegalArgumentException(
                    "A map has " + MIN_CLASSES + " to " + MAX_CLASSES + " classes, not " + count);
        }
        List<BigDecimal> sorted = values.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return new ClassBreaks(List.of());
        }
        BigDecimal min = sorted.getFirst();
        BigDecimal max = sorted.getLast();
        if (min.compareTo(max) == 0) {
            return new ClassBreaks(List.of(new ValueClass(0, min, max)));
        }
        List<BigDecimal> uppers = new ArrayList<>();
        if (method == Method.QUANTILE) {
            int n = sorted.size();
            for (int i = 1; i <= count; i++) {
                int position = (int) Math.ceil((double) i * n / count) - 1;
                uppers.add(sorted.get(Math.max(0, position)));
            }
        } else {
            // One decimal more than the values have, so that 0–10 in four classes breaks at 2,5 and 7,5.
            int scale = sorted.stream()
                            .mapToInt(v -> Math.max(0, v.stripTrailingZeros().scale()))
                            .max()
                            .orElse(0)
                    + 1;
            BigDecimal width = max.subtract(min);
            for (int i = 1; i < count; i++) {
                uppers.add(min.add(width.multiply(BigDecimal.valueOf(i))
                                .divide(BigDecimal.valueOf(count), scale, RoundingMode.HALF_UP))
                        .stripTrailingZeros());
            }
            uppers.add(max);
        }
        List<ValueClass> classes = new ArrayList<>();
        BigDecimal lower = min;
        for (BigDecimal upper : uppers) {
            if (!classes.isEmpty() && upper.compareTo(lower) <= 0) {
                continue; // a repeated quantile, or a rounded bound that adds nothing
            }
            classes.add(new ValueClass(classes.size(), lower, upper));
            lower = upper;
        }
        if (classes.getLast().upper().compareTo(max) < 0) {
            ValueClass last = classes.removeLast();
            classes.add(new ValueClass(last.index(), last.lower(), max));
        }
        return new ClassBreaks(classes);
    }

    /** The index of the class {@code value} falls in, or -1 when it lies outside every class. */
    public int classOf(BigDecimal value) {
        for (ValueClass c : classes) {
            boolean aboveLower = c.first() ? value.compareTo(c.lower()) >= 0 : value.compareTo(c.lower()) > 0;
            if (aboveLower && value.compareTo(c.upper()) <= 0) {
                return c.index();
            }
        }
        return -1;
    }

    public boolean isEmpty() {
        return classes.isEmpty();
    }

    public int size() {
        return classes.size();
    }
}
