package pl.koordes.comments.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.text.Text;

/** A phrase editors do not publish in comments. */
public record BannedPhraseForm(
        @NotBlank(message = "comments.banned.required")
        @Size(max = BannedPhraseForm.MAX, message = "comments.banned.tooLong")
        @Text(max = BannedPhraseForm.MAX)
        @Nullable
        String phrase) {

    static final int MAX = 200;
}
