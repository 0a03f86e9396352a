package pl.koordes.monitoring.internal;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.text.Text;

/** Why values go back to the region: returned for a fix, or an approved value reopened for a correction. */
public record ReportingReasonForm(
        @NotBlank(message = "monitoring.reporting.reason.required") @Text(max = 4000, multiline = true) @Nullable
        String reason) {

    public String text() {
        return reason == null ? "" : reason;
    }
}
