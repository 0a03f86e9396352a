package pl.koordes.monitoring.internal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** What the national programme's forms share. */
public final class NationalForms {

    /** A code: letters, digits, dots, hyphens and underscores (it becomes part of an indicator's address). */
    public static final String CODE = "[A-Za-z0-9._-]*";

    /** The first and the last year a base year, a target year or a yearly target may have. */
    public static final int FIRST_YEAR = 2000;

    public static final int LAST_YEAR = 2100;

    /** The largest value a column numeric(18, 4) keeps. */
    static final BigDecimal LIMIT = new BigDecimal("99999999999999.9999");

    private NationalForms() {}

    /** A form field's text for a value of any type ("" for none; numbers with a decimal comma). */
    public static String value(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal number) {
            return NationalNumbers.input(number);
        }
        return value instanceof Enum<?> e ? e.name() : value.toString();
    }

    /** A year before {@link #FIRST_YEAR} or after {@link #LAST_YEAR}. */
    static boolean outOfRange(@Nullable Integer year) {
        return year != null && (year < FIRST_YEAR || year > LAST_YEAR);
    }

    static boolean outOfRange(@Nullable BigDecimal value) {
        return value != null
                && (value.abs().compareTo(LIMIT) > 0
                        || value.stripTrailingZeros().scale() > 4);
    }
}
