package pl.koordes.surveys.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reading a typed answer value as its question type means it (a number, a date, a scale step, an id) and
 * showing a stored one as the form shows it. Apart from {@link AnswerSheet} so that the checks, the stored
 * rows and the copy of an answer all read a value the same way, and the parsing rules stand on their own.
 */
public final class AnswerValues {

    private static final Pattern NUMBER = Pattern.compile("[-−]?\\d{1,14}([.,]\\d{1,4})?");

    private static final DateTimeFormatter POLISH_DATE =
            DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(ResolverStyle.STRICT);

    private AnswerValues() {}

    /** A number as typed in Polish ("1 234,5") or with a point; null when it is not one. */
    public static @Nullable BigDecimal number(String text) {
        String compact = text.replaceAll("[\\s\\u00A0\\u202F]", "");
        if (!NUMBER.matcher(compact).matches()) {
            return null;
        }
        return new BigDecimal(compact.replace('−', '-').replace(',', '.'));
    }

    /** A number as the form shows it: a decimal comma, no trailing zeros. */
    public static String number(@Nullable BigDecimal number) {
        if (number == null) {
            return "";
        }
        BigDecimal plain = number.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString().replace('.', ',');
    }

    /** A date from the date input (2017-08-31) or as typed in Polish (31.08.2017); null when it is not one. */
    public static @Nullable LocalDate date(String text) {
        try {
            LocalDate date = text.contains(".") ? LocalDate.parse(text, POLISH_DATE) : LocalDate.parse(text);
            return date.getYear() < 1000 || date.getYear() > 9999 ? null : date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A step of the five-step scale (a scale question's or a matrix row's); null when it is not one. */
    static @Nullable Integer scale(String text) {
        return switch (text) {
            case "1" -> 1;
            case "2" -> 2;
            case "3" -> 3;
            case "4" -> 4;
            case "5" -> 5;
            default -> null;
        };
    }

    /** An id as the form sends it (the declared region); null when it is not one. */
    static @Nullable Long parseLong(String text) {
        if (!text.matches("\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(text);
    }
}
