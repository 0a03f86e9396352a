package pl.koordes.comments.internal;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import pl.koordes.comments.CommentForm;
import pl.koordes.shared.text.Text;

/** An editor's change to a comment's text; the settings' limits are checked by {@link CommentManagement}. */
public record CommentEditForm(
        @NotBlank(message = "comments.error.title.required")
        @Text(max = CommentForm.MAX_LINE, multiline = true)
        @Nullable
        String title,

        @NotBlank(message = "comments.error.body.required")
        @Text(max = CommentForm.MAX_BODY, multiline = true)
        @Nullable
        String body,

        @NotBlank(message = "comments.error.signature.required")
        @Text(max = CommentForm.MAX_LINE, multiline = true)
        @Nullable
        String signature) {}
