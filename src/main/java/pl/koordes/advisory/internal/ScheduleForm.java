package pl.koordes.advisory.internal;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The next session's date agreed with the region (today or later, checked by {@link SessionManagement}). */
public record ScheduleForm(
        @NotNull(message = "advisory.sessions.scheduledOn.required")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        @Nullable
        LocalDate scheduledOn) {}
