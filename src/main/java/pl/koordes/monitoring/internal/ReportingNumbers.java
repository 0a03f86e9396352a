package pl.koordes.monitoring.internal;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reported numbers as people type and read them: "12,5", "1 234,5" and "12.5" are the same value; shown
 * with a decimal comma and a non-breaking space between thousands in Polish (a point and a comma in English).
 * The column holds 14 digits before the separator and 4 after it.
 */
public final class ReportingNumbers {

    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,14}([.,]\\d{1,4})?");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u202f\\u2009]");

    private ReportingNumbers() {}

    /** Whether the text is a number this class reads (a blank text is not). */
    public static boolean valid(@Nullable String text) {
        return text != null && NUMBER.matcher(clean(text)).matches();
    }

    /**
     * The number typed, or null for a blank text.
     *
     * @throws NumberFormatException when the text is not blank and not a number {@link #valid} accepts
     */
    public static @Nullable BigDecimal parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String clean = clean(text);
        if (!NUMBER.matcher(clean).matches()) {
            throw new NumberFormatException("not a number: " + text);
        }
        return new BigDecimal(clean.replace(',', '.'));
    }

    private static String clean(String text) {
        return SPACES.matcher(text).replaceAll("").replace('\u2212', '-');
    }

    /** For reading: "1 234,5" (Polish) or "1,234.5" (English); an empty text for null. */
    public static String format(@Nullable BigDecimal value, Locale locale) {
        if (value == null) {
            return "";
        }
        boolean english = "en".equals(locale.getLanguage());
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(english ? Locale.UK : Locale.of("pl", "PL"));
        if (!english) {
            symbols.setGroupingSeparator('\u00a0');
            symbols.setDecimalSeparator(',');
        }
        DecimalFormat format = new DecimalFormat("#,##0.####", symbols);
        format.setParseBigDecimal(true);
        return format.format(value);
    }

    /** For a form field: "1234,5", without thousands separators, so it reads back as typed. */
    public static String input(@Nullable BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
