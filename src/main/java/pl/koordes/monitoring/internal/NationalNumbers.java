package pl.koordes.monitoring.internal;

import com.ibm.icu.number.NumberFormatter;
import com.ibm.icu.number.Precision;
import com.ibm.icu.util.ULocale;
import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Numbers of the national programme as people type and read them: "12,5", "12.5" and "1 234,5" are all
 * accepted on input; pages show the reader's format (in Polish a decimal comma and a non-breaking space
 * between thousands from 10 000 on, as CLDR has it).
 */
public final class NationalNumbers {

    /** Digits with one decimal separator, after spaces are removed; no exponent, no words. */
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,30}([.,]\\d{1,30})?");

    /** Spaces people put between thousands: ordinary, non-breaking and narrow non-breaking. */
    private static final Pattern SPACES = Pattern.compile("[ \\u00a0\\u202f]");

    private NationalNumbers() {}

    /**
     * The number typed, or null for an empty field.
     *
     * @throws IllegalArgumentException when the text is not a number (the form shows "form.invalid")
     */
    public static @Nullable BigDecimal parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String compact = SPACES.matcher(text.strip()).replaceAll("");
        if (compact.length() > 64 || !NUMBER.matcher(compact).matches()) {
            throw new IllegalArgumentException("not a number");
        }
        return new BigDecimal(compact.replace(',', '.'));
    }

    /** The number as a form shows it for editing: a decimal comma, no grouping, no trailing zeros. */
    public static String input(@Nullable BigDecimal value) {
        return value == null ? "" : plain(value).replace('.', ',');
    }

    /** The number as a page shows it in the reader's language; null is for the page to say "no data". */
    public static String format(BigDecimal value, Locale locale) {
        var formatter = NumberFormatter.withLocale(ULocale.forLocale(locale)).precision(Precision.maxFraction(4));
        if ("pl".equals(locale.getLanguage())) {
            formatter = formatter.grouping(NumberFormatter.GroupingStrategy.MIN2);
        }
        return formatter.format(value).toString();
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** Binds a form's number fields with {@link #parse}: registered by the controllers of the national programme. */
    public static final class Editor extends PropertyEditorSupport {

        @Override
        public void setAsText(@Nullable String text) {
            setValue(parse(text));
        }

        @Override
        public String getAsText() {
            return getValue() instanceof BigDecimal value ? input(value) : "";
        }
    }
}
