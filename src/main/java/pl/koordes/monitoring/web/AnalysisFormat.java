package pl.koordes.monitoring.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import pl.koordes.monitoring.internal.PeriodKind;
import pl.koordes.monitoring.internal.ProgressRule;

/** How the analysis pages write numbers and statuses: Polish number format (1 234,5), statuses in words. */
public final class AnalysisFormat {

    private AnalysisFormat() {}

    /** A number with at most two decimals, in the page's language (a decimal comma and spaces in Polish). */
    public static String number(@Nullable BigDecimal value, Locale locale) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(2);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    /** A share of the plan as a whole percentage ("87%"), or empty when unknown. */
    public static String percent(@Nullable BigDecimal share, Locale locale) {
        if (share == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(0);
        return format.format(share);
    }

    /** The message key of a status in words. */
    public static String statusKey(ProgressRule.Status status) {
        return "monitoring.progress.status." + status.name();
    }

    /** The message key of a status's abbreviation (the matrix's cells). */
    public static String abbreviationKey(ProgressRule.Status status) {
        return "monitoring.analysis.abbr." + status.name();
    }

    /** The CSS class of a status's badge: colour beside the words, never instead of them. */
    public static String statusClass(ProgressRule.Status status) {
        return "progress progress-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The message key naming a period ("2024", "1. półrocze 2024"). */
    public static String periodKey(PeriodKind kind) {
        return kind == PeriodKind.YEAR ? "monitoring.analysis.period.year" : "monitoring.analysis.period.half";
    }
}
