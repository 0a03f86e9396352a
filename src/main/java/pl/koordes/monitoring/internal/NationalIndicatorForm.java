package pl.koordes.monitoring.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;
import pl.koordes.shared.text.Text;
import pl.koordes.shared.web.CrossFieldRules;

/**
 * A national indicator as an administrator enters it; numbers accept a decimal comma ("12,5") and spaces
 * between thousands. Its yearly targets are rows of their own ({@link NationalTargetsForm}).
 *
 * @param code unique in the programme; part of the indicator's public address
 * @param directionId the direction within its area it measures, or none for the whole area
 * @param baselineYear the year of the baseline, empty when not known (the 2023 data does not say)
 * @param latestValue the latest value the programme's own tables published, kept as reference
 * @param rowVersion as in {@link DirectionForm}
 */
public record NationalIndicatorForm(
        @NotBlank(message = "monitoring.national.code.required")
        @Pattern(regexp = NationalForms.CODE, message = "monitoring.national.code.invalid")
        @Text(max = 16)
        @Nullable
        String code,

        @NotBlank(message = "monitoring.national.namePl.required") @Text(max = 400) @Nullable
        String namePl,

        @NotBlank(message = "monitoring.national.nameEn.required") @Text(max = 400) @Nullable
        String nameEn,

        @NotBlank(message = "monitoring.national.unit.required") @Text(max = 40) @Nullable
        String unit,

        @Nullable Long directionId,
        @Nullable BigDecimal baseline,

        @Min(value = NationalForms.FIRST_YEAR, message = "monitoring.national.year.range")
        @Max(value = NationalForms.LAST_YEAR, message = "monitoring.national.year.range")
        @Nullable
        Integer baselineYear,

        @Nullable BigDecimal target,

        @Min(value = NationalForms.FIRST_YEAR, message = "monitoring.national.year.range")
        @Max(value = NationalForms.LAST_YEAR, message = "monitoring.national.year.range")
        @Nullable
        Integer targetYear,

        @NotNull(message = "monitoring.national.improvement.required") @Nullable
        Improvement improvement,

        @NotNull(message = "monitoring.national.timeRule.required") @Nullable
        TimeRule timeRule,

        @Text(max = 200) @Nullable String source,
        @Nullable BigDecimal latestValue,

        @Min(value = NationalForms.FIRST_YEAR, message = "monitoring.national.year.range")
        @Max(value = NationalForms.LAST_YEAR, message = "monitoring.national.year.range")
        @Nullable
        Integer latestYear,

        @NotNull(message = "monitoring.national.position.required")
        @Min(value = 0, message = "monitoring.national.position.range")
        @Max(value = 999, message = "monitoring.national.position.range")
        @Nullable
        Integer position,

        @Nullable Integer rowVersion)
        implements CrossFieldRules {

    /** A new indicator's form: rising is better, a stock, at the end of the list. */
    public static NationalIndicatorForm blank(int position) {
        return new NationalIndicatorForm(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Improvement.UP,
                TimeRule.STOCK,
                null,
                null,
                null,
                position,
                null);
    }

    @Override
    public void checkTogether(Errors errors) {
        number(errors, "baseline", baseline);
        number(errors, "target", target);
        number(errors, "latestValue", latestValue);
        // Said here too: Spring skips the annotations when another field's value did not convert.
        year(errors, "baselineYear", baselineYear);
        year(errors, "targetYear", targetYear);
        year(errors, "latestYear", latestYear);
        if (baselineYear != null && targetYear != null && targetYear < baselineYear) {
            errors.rejectValue("targetYear", "monitoring.national.targetYear.beforeBaseline");
        }
        if (baselineYear != null && baseline == null) {
            errors.rejectValue("baseline", "monitoring.national.baseline.missing");
        }
        if (targetYear != null && target == null) {
            errors.rejectValue("target", "monitoring.national.target.missing");
        }
        if (latestYear != null && latestValue == null) {
            errors.rejectValue("latestValue", "monitoring.national.latestValue.missing");
        }
    }

    private static void year(Errors errors, String field, @Nullable Integer value) {
        if (NationalForms.outOfRange(value)) {
            errors.rejectValue(field, "monitoring.national.year.range");
        }
    }

    private static void number(Errors errors, String field, @Nullable BigDecimal value) {
        if (NationalForms.outOfRange(value)) {
            errors.rejectValue(field, "monitoring.national.number.range");
        }
    }
}
