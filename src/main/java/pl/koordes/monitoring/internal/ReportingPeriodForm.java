package pl.koordes.monitoring.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;
import pl.koordes.shared.web.CrossFieldRules;

/** A reporting period to open: a whole year or one of its halves, with the deadline for the regions. */
public record ReportingPeriodForm(
        @NotNull(message = "monitoring.reporting.period.kind.required") @Nullable
        PeriodKind kind,

        @NotNull(message = "monitoring.reporting.period.year.required")
        @Min(value = 2000, message = "monitoring.reporting.period.year.range")
        @Max(value = 2100, message = "monitoring.reporting.period.year.range")
        @Nullable
        Integer year,

        @Nullable Integer half,

        @NotNull(message = "monitoring.reporting.period.deadline.required")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        @Nullable
        LocalDate deadline)
        implements CrossFieldRules {

    /** The form's first look: next year's report on the last day of February after it. */
    public static ReportingPeriodForm starting(LocalDate today) {
        int year = today.getYear();
        return new ReportingPeriodForm(PeriodKind.YEAR, year, null, LocalDate.of(year + 1, 2, 28));
    }

    @Override
    public void checkTogether(Errors errors) {
        if (kind == PeriodKind.HALF && (half == null || half < 1 || half > 2)) {
            errors.rejectValue("half", "monitoring.reporting.period.half.required");
        }
    }

    /** The half for a half-year period, null for a year. */
    public @Nullable Integer halfOfYear() {
        return kind == PeriodKind.HALF ? half : null;
    }
}
