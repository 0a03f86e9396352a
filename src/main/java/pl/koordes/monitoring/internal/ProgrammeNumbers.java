package pl.koordes.monitoring.internal;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Numbers of the programme pages and forms as Polish readers write them: "1 234,5". Input accepts the
 * decimal comma or point and spaces (also non-breaking) between thousands: "12,5", "12.5", "1 234,5".
 */
public final class ProgrammeNumbers {

    /** What the database keeps: numeric(18, 4). */
    private static final int SCALE = 4;

    private static final int INTEGER_DIGITS = 14;

    private static final Pattern NUMBER = Pattern.compile("-?\\d+([.,]\\d+)?");

    private ProgrammeNumbers() {}

    /** The number typed, or null when the text is empty or not a number this form takes. */
    public static @Nullable BigDecimal parse(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String compact = text.replace(" ", "").replace("\u00a0", "").replace("\u202f", "");
        if (!NUMBER.matcher(compact).matches()) {
            return null;
        }
        BigDecimal value = new BigDecimal(compact.replace(',', '.'));
        if (value.scale() > SCALE || value.precision() - value.scale() > INTEGER_DIGITS) {
            return null;
        }
        return value;
    }

    /** Whether the text is empty or a number {@link #parse} takes. */
    public static boolean validOrEmpty(@Nullable String text) {
        return text == null || text.isBlank() || parse(text) != null;
    }

    /** The number with a decimal comma, spaces between thousands and no trailing zeros ("1 234,5"). */
    public static String format(@Nullable BigDecimal value) {
        if (value == null) {
            return "";
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setDecimalSeparator(',');
        symbols.setGroupingSeparator('\u00a0');
        DecimalFormat format = new DecimalFormat("#,##0.####", symbols);
        return format.format(value);
    }

    /** The number as a form field shows it for editing: a decimal comma, no grouping. */
    public static String input(@Nullable BigDecimal value) {
        if (value == null) {
            return "";
        }
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
