package pl.koordes.committees.internal;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.text.Text;

/** A document added to a meeting: its title and whether the public may read it (the file comes beside it). */
public record DocumentForm(
        @NotBlank(message = "committees.meetings.document.title.required") @Text(max = 300) @Nullable
        String title,

        @Nullable Boolean publicDocument) {

    public static DocumentForm empty() {
        return new DocumentForm("", false);
    }
}
