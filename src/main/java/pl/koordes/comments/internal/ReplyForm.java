package pl.koordes.comments.internal;

import org.jspecify.annotations.Nullable;
import pl.koordes.comments.CommentForm;
import pl.koordes.shared.text.Text;

/** The editorial team's reply under a comment; empty removes it. The settings' limit is checked by {@link CommentManagement}. */
public record ReplyForm(
        @Text(max = CommentForm.MAX_BODY, multiline = true) @Nullable
        String reply) {

    /** The reply as typed, never null. */
    public String text() {
        return reply == null ? "" : reply;
    }
}
