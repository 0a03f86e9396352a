package pl.koordes.monitoring.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One indicator of a region's current programme in one period: what it is, the previous period's value,
 * the year's target, and the value reported (null when the region has not started it).
 */
public record ReportingLine(
        long indicatorId,
        String code,
        String name,
        String unit,
        @Nullable BigDecimal previous,
        @Nullable BigDecimal target,
        @Nullable Stored value) {

    /** The value as saved, with where it stands. */
    public record Stored(
            long id,
            ValueStatus status,
            @Nullable BigDecimal value,
            boolean notAvailable,
            @Nullable LocalDate expectedDate,
            @Nullable String comment,
            @Nullable String source,
            @Nullable String explanation,
            @Nullable String returnReason,
            @Nullable String fileName,
            int rowVersion,
            Instant updatedAt,
            int notes) {}

    /** The status's message key; a line not started is {@code monitoring.reporting.status.NONE}. */
    public String statusKey() {
        return "monitoring.reporting.status."
                + (value == null ? "NONE" : value.status().name());
    }

    /** Whether the region may still change the value (not started, a draft or returned). */
    public boolean editable() {
        return value == null || value.status().editableByRegion();
    }

    /** A value more than 3 times or less than a third of the previous period's asks for an explanation. */
    public boolean outlier() {
        return value != null && ReportingLine.outlier(value.value(), previous);
    }

    /** An outlier without its explanation: shown as a warning, never blocking. */
    public boolean unexplained() {
        return outlier()
                && value != null
                && (value.explanation() == null || value.explanation().isBlank());
    }

    /** The rule of {@link #outlier()}, for a value typed before it is saved. */
    public static boolean outlier(@Nullable BigDecimal value, @Nullable BigDecimal previous) {
        if (value == null || previous == null || previous.signum() <= 0 || value.signum() < 0) {
            return false;
        }
        BigDecimal ratio = value.divide(previous, 6, RoundingMode.HALF_UP);
        return ratio.compareTo(BigDecimal.valueOf(3)) > 0
                || ratio.multiply(BigDecimal.valueOf(3)).compareTo(BigDecimal.ONE) < 0;
    }
}
