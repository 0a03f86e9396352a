package pl.koordes.reports.section;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A row of a {@link ReportTable}: its label (a region, a kind of institution, a format) and one value per
 * column, null where there is no number (no survey closed, so no response rate).
 *
 * @param total whether the row sums the rows above it (shown last, in bold, and left out of a chart)
 */
public record ReportRow(String label, List<@Nullable BigDecimal> values, boolean total) {

    public ReportRow {
        // List.copyOf refuses nulls, and a missing number is a null here.
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    public static ReportRow of(String label, List<@Nullable BigDecimal> values) {
        return new ReportRow(label, values, false);
    }

    public static ReportRow totalOf(String label, List<@Nullable BigDecimal> values) {
        return new ReportRow(label, values, true);
    }
}
