package pl.koordes.shared.charts;

import com.ibm.icu.number.LocalizedNumberFormatter;
import com.ibm.icu.number.NumberFormatter;
import com.ibm.icu.number.Precision;
import com.ibm.icu.util.ULocale;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Numbers as readers of each language expect them, from CLDR: in Polish a decimal comma and a non-breaking
 * space between thousands from 10&nbsp;000 on ("1234", "12&nbsp;345", "1,5"); in English "1,234" and "1.5".
 * Axes, labels, legends, sentences and tables of every chart use it, so one value reads the same everywhere.
 */
public final class ChartNumbers {

    /** More decimals than this are never shown: the values are indicators, not measurements. */
    static final int MAX_DECIMALS = 6;

    private final Locale locale;
    private final LocalizedNumberFormatter[] byDecimals = new LocalizedNumberFormatter[MAX_DECIMALS + 1];

    private ChartNumbers(Locale locale) {
        this.locale = locale;
        // The locale's own grouping: Polish (minimum grouping digits 2) leaves 1234 alone.
        LocalizedNumberFormatter base =
                NumberFormatter.withLocale(ULocale.forLocale(locale)).roundingMode(RoundingMode.HALF_UP);
        for (int i = 0; i <= MAX_DECIMALS; i++) {
            byDecimals[i] = base.precision(Precision.maxFraction(i));
        }
    }

    public static ChartNumbers of(Locale locale) {
        return new ChartNumbers(locale);
    }

    public Locale locale() {
        return locale;
    }

    /** The value with as many decimals as it has (trailing zeros dropped), at most six. */
    public String format(BigDecimal value) {
        return format(
                value,
                Math.min(MAX_DECIMALS, Math.max(0, value.stripTrailingZeros().scale())));
    }

    /** The value rounded (half up) to at most {@code maxDecimals} decimals; trailing zeros dropped. */
    public String format(BigDecimal value, int maxDecimals) {
        return byDecimals[clamp(maxDecimals)].format(value).toString();
    }

    /** The value rounded (half up) to at most {@code maxDecimals} decimals; trailing zeros dropped. */
    public String format(double value, int maxDecimals) {
        return byDecimals[clamp(maxDecimals)].format(value).toString();
    }

    /** The value with at most two decimals. */
    public String format(double value) {
        return format(value, 2);
    }

    /**
     * A formatted number with its unit, as a label beside a bar or in a sentence: "12,5%" (no space, as CLDR
     * writes percentages in both languages), "120 t" with a non-breaking space for a short unit. A long unit
     * ("liczba podmiotów") is left out: the chart's title and the table's header carry it.
     */
    public static String withUnit(String formatted, @Nullable String unit) {
        if (unit == null || unit.isBlank()) {
            return formatted;
        }
        if (unit.equals("%")) {
            return formatted + "%";
        }
        return unit.codePointCount(0, unit.length()) <= SHORT_UNIT ? formatted + "\u00a0" + unit : formatted;
    }

    /** A unit this long or shorter ("%", "zł", "osób", "km²") is written beside each value. */
    static final int SHORT_UNIT = 5;

    private static int clamp(int decimals) {
        return Math.max(0, Math.min(MAX_DECIMALS, decimals));
    }
}
