package pl.koordes.reports.section;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A key figure of a section: "Spotkania: 42", "Średni czas odpowiedzi: 12,5 dnia".
 *
 * @param label what is counted, in the scope's language
 * @param value the number, or null when it cannot be computed (an average of nothing)
 * @param unit how the number reads
 */
public record ReportFigure(String label, @Nullable BigDecimal value, ReportUnit unit) {

    public static ReportFigure count(String label, long value) {
        return new ReportFigure(label, BigDecimal.valueOf(value), ReportUnit.COUNT);
    }
}
