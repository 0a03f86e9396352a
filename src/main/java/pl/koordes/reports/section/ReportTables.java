package pl.koordes.reports.section;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Rows of a section's table in a fixed order, whatever the data: every key gets its row (zeros where the
 * statement found nothing), so a report reads the same from period to period and a missing row never looks
 * like a forgotten one.
 */
public final class ReportTables {

    private ReportTables() {}

    /**
     * One row per key, in the keys' order, labelled by {@code label}, with the values the statement found for
     * it or zeros; then a total row with {@code totals} when {@code totalLabel} is not null.
     */
    public static <K> List<ReportRow> rows(
            List<K> keys,
            Function<K, String> label,
            Map<K, List<@Nullable BigDecimal>> values,
            int columns,
            @Nullable String totalLabel,
            List<@Nullable BigDecimal> totals) {
        List<@Nullable BigDecimal> zeros = new ArrayList<>(Collections.nCopies(columns, BigDecimal.ZERO));
        List<ReportRow> rows = new ArrayList<>(keys.size() + 1);
        for (K key : keys) {
            List<@Nullable BigDecimal> found = values.get(key);
            rows.add(ReportRow.of(label.apply(key), found == null ? zeros : found));
        }
        if (totalLabel != null) {
            rows.add(ReportRow.totalOf(totalLabel, totals));
        }
        return rows;
    }

    /** A count as a report value. */
    public static BigDecimal count(long value) {
        return BigDecimal.valueOf(value);
    }

    /** A share of {@code part} in {@code whole} (0 to 1), or null when the whole is nothing. */
    public static @Nullable BigDecimal share(long part, long whole) {
        return whole == 0
                ? null
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, java.math.RoundingMode.HALF_UP);
    }
}
