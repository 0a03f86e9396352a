package pl.koordes.shared.charts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The marks of a value axis at a "nice" step (1, 2 or 5 times a power of ten), from a multiple of the step
 * at or below the smallest value to one at or above the largest: 0, 20, 40… rather than 0, 17,3, 34,6….
 *
 * @param values the marks, lowest first (at least two)
 * @param step the distance between marks, exact (so 0,1 + 0,2 is 0,3 and not 0,30000000000000004)
 */
public record AxisTicks(List<BigDecimal> values, BigDecimal step) {

    public AxisTicks {
        values = List.copyOf(values);
        if (values.size() < 2) {
            throw new IllegalArgumentException("An axis has at least two marks");
        }
    }

    /**
     * Marks covering {@code min} to {@code max} with at most about {@code maxTicks} of them. Equal ends are
     * widened to show a span (0 to 1 for zeros); values that are not finite are refused.
     */
    public static AxisTicks nice(double min, double max, int maxTicks) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("An axis needs finite ends");
        }
        if (min > max) {
            double swap = min;
            min = max;
            max = swap;
        }
        if (min == max) {
            if (min == 0) {
                max = 1;
            } else if (min > 0) {
                min = 0;
            } else {
                max = 0;
            }
        }
        int intervals = Math.max(1, maxTicks - 1);
        BigDecimal step = niceStep((max - min) / intervals);
        long first = (long) Math.floor(min / step.doubleValue() + 1e-9);
        long last = (long) Math.ceil(max / step.doubleValue() - 1e-9);
        if (last <= first) {
            last = first + 1;
        }
        List<BigDecimal> values = new ArrayList<>();
        for (long k = first; k <= last; k++) {
            values.add(step.multiply(BigDecimal.valueOf(k)).stripTrailingZeros());
        }
        return new AxisTicks(values, step);
    }

    /** The nice step (1, 2 or 5 × 10ⁿ) at or above {@code raw}. */
    static BigDecimal niceStep(double raw) {
        int exponent = (int) Math.floor(Math.log10(raw));
        double fraction = raw / Math.pow(10, exponent);
        int nice;
        if (fraction <= 1 + 1e-9) {
            nice = 1;
        } else if (fraction <= 2 + 1e-9) {
            nice = 2;
        } else if (fraction <= 5 + 1e-9) {
            nice = 5;
        } else {
            nice = 1;
            exponent++;
        }
        return BigDecimal.valueOf(nice).scaleByPowerOfTen(exponent).stripTrailingZeros();
    }

    public BigDecimal min() {
        return values.getFirst();
    }

    public BigDecimal max() {
        return values.getLast();
    }

    /** How many decimals the marks need (0 for a step of 5, 1 for 0,5). */
    public int decimals() {
        return Math.max(0, step.scale());
    }
}
