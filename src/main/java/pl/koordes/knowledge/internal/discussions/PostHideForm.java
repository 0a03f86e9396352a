package pl.koordes.knowledge.internal.discussions;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.text.Text;

/** Why a moderator hides a post: shown in its place to every reader. */
public record PostHideForm(
        @NotBlank(message = "knowledge.discussions.hide.reason.required") @Text(max = 1000) @Nullable
        String reason) {

    public String reasonText() {
        return reason == null ? "" : reason;
    }
}
