package pl.koordes.advisory.internal;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.text.Text;

/** The expert's final recommendation that closes a case. */
public record CloseForm(
        @NotBlank(message = "advisory.sessions.final.required") @Text(max = 8000, multiline = true) @Nullable
        String finalRecommendation) {

    public String text() {
        return finalRecommendation == null ? "" : finalRecommendation;
    }
}
