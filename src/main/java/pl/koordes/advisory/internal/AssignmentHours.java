package pl.koordes.advisory.internal;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/** The rule every limit of hours follows: given, above zero, to the quarter hour, at most {@link #MAX}. */
public final class AssignmentHours {

    /** The largest limit a case may have (the column holds 9999.99). */
    static final BigDecimal MAX = new BigDecimal("1000");

    private static final BigDecimal QUARTERS = new BigDecimal("4");

    private AssignmentHours() {}

    static void check(Errors errors, String field, @Nullable BigDecimal hours) {
        if (errors.hasFieldErrors(field)) {
            return;
        }
        if (hours == null) {
            errors.rejectValue(field, "advisory.assignment.limit.required");
        } else if (hours.signum() <= 0) {
            errors.rejectValue(field, "advisory.assignment.limit.positive");
        } else if (hours.compareTo(MAX) > 0) {
            errors.rejectValue(field, "advisory.assignment.limit.tooLarge");
        } else if (hours.multiply(QUARTERS).stripTrailingZeros().scale() > 0) {
            errors.rejectValue(field, "advisory.assignment.limit.quarter");
        }
    }

    /** Hours as a form shows them: "2,5" in Polish, "2.5" in English; empty for none. */
    public static String text(@Nullable BigDecimal hours, Locale locale) {
        if (hours == null) {
            return "";
        }
        String plain = hours.stripTrailingZeros().toPlainString();
        return locale.getLanguage().equals("en") ? plain : plain.replace('.', ',');
    }

    /** Reads hours typed with a decimal comma or point ("2,5", "2.5"); empty is none; anything else does not convert. */
    public static final class Editor extends PropertyEditorSupport {

        @Override
        public void setAsText(@Nullable String text) {
            String typed =
                    text == null ? "" : text.strip().replace('\u00a0', ' ').replace(" ", "");
            if (typed.isEmpty()) {
                setValue(null);
                return;
            }
            if (!typed.matches("[0-9]{1,6}([.,][0-9]{1,4})?")) {
                throw new IllegalArgumentException("not a number of hours");
            }
            setValue(new BigDecimal(typed.replace(',', '.')));
        }
    }
}
