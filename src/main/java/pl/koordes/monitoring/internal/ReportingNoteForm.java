package pl.koordes.monitoring.internal;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.text.Text;

/** A note in the conversation between the region and the operator about one value. */
public record ReportingNoteForm(
        @NotBlank(message = "monitoring.reporting.note.required") @Text(max = 4000, multiline = true) @Nullable
        String body) {

    public String text() {
        return body == null ? "" : body;
    }
}
