package pl.koordes.monitoring.internal;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** A period's new deadline. */
public record ReportingDeadlineForm(
        @NotNull(message = "monitoring.reporting.period.deadline.required")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        @Nullable
        LocalDate deadline) {}
