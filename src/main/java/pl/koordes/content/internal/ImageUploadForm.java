package pl.koordes.content.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.text.Text;

/**
 * The text that goes with an uploaded picture (the file comes beside the form): what a reader who
 * cannot see it is told. {@link ImageManagement} checks it again, as partner logos get theirs made up.
 */
public record ImageUploadForm(
        @NotBlank(message = "content.image.alt.required")
        @Size(max = ImageUploadForm.ALT_MAX, message = "content.image.alt.invalid")
        @Text(max = ImageUploadForm.ALT_MAX, message = "content.image.alt.invalid")
        @Nullable
        String alt) {

    static final int ALT_MAX = 300;
}
