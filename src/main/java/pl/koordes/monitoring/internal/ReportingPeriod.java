package pl.koordes.monitoring.internal;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A reporting period: a year or one of its halves, open for reports or closed, with its deadline. */
public record ReportingPeriod(
        long id, PeriodKind kind, int year, @Nullable Integer half, LocalDate deadline, boolean open, int rowVersion) {

    /** The message naming the period: {@code monitoring.reporting.period.label.YEAR} or {@code .HALF}. */
    public String labelKey() {
        return "monitoring.reporting.period.label." + kind.name();
    }

    /** The label's arguments: the year as written (no thousands separator) and the half. */
    public Object[] labelArgs() {
        return new Object[] {String.valueOf(year), half == null ? 0 : half};
    }

    /** Plain words for mail and logs, Polish: "2025" or "2025, półrocze 1". */
    public String plainLabel() {
        return half == null ? String.valueOf(year) : year + ", półrocze " + half;
    }
}
