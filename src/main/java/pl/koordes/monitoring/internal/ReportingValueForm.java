package pl.koordes.monitoring.internal;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;
import pl.koordes.shared.text.Text;
import pl.koordes.shared.web.CrossFieldRules;

/**
 * A region's value of one indicator in one period, as its coordinator types it. The number is a text so
 * that "12,5" and "1 234,5" are read the Polish way ({@link ReportingNumbers}); {@code rowVersion} is the
 * version the form was shown with, so a save that would overwrite someone else's change is refused.
 *
 * @param rowVersion the value's row version when the form was shown, or null for a value not saved yet
 * @param notAvailable "dane w przygotowaniu": ticked sends "true"; then no value and an expected date
 */
public record ReportingValueForm(
        @Nullable Integer rowVersion,
        @Text(max = 40) @Nullable String value,
        @Nullable String notAvailable,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
        LocalDate expectedDate,

        @Text(max = 4000, multiline = true) @Nullable String comment,
        @Text(max = 300) @Nullable String source,
        @Text(max = 4000, multiline = true) @Nullable String explanation)
        implements CrossFieldRules {

    public boolean notAvailableTicked() {
        return "true".equals(notAvailable);
    }

    @Override
    public void checkTogether(Errors errors) {
        boolean blank = value == null || value.isBlank();
        if (notAvailableTicked()) {
            if (!blank) {
                errors.rejectValue("value", "monitoring.reporting.value.notWithNotAvailable");
            }
            if (expectedDate == null) {
                errors.rejectValue("expectedDate", "monitoring.reporting.expectedDate.required");
            }
        } else if (blank) {
            errors.rejectValue("value", "monitoring.reporting.value.required");
        } else if (!ReportingNumbers.valid(value)) {
            errors.rejectValue("value", "monitoring.reporting.value.invalid");
        }
    }

    /** What the module writes: the number read, the rest as typed. */
    public ReportingValues.ValueInput input() {
        boolean unavailable = notAvailableTicked();
        return new ReportingValues.ValueInput(
                unavailable ? null : ReportingNumbers.parse(value),
                unavailable,
                unavailable ? expectedDate : null,
                comment,
                source,
                explanation);
    }
}
