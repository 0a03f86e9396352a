package pl.koordes.knowledge.internal.discussions;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;
import pl.koordes.shared.text.Text;
import pl.koordes.shared.web.CrossFieldRules;

/**
 * A reply, or an edit of one's own post (Markdown).
 *
 * @param documents library document ids or addresses ({@link PostDocuments})
 * @param quotedPostId the post the reply quotes (a reply only)
 * @param version the row version the edit form was read at (an edit only)
 */
public record PostForm(
        @NotBlank(message = "knowledge.discussions.body.required") @Text(max = 20000, multiline = true) @Nullable
        String body,

        @Text(max = 1000) @Nullable String documents,
        @Nullable Long quotedPostId,
        @Nullable Integer version)
        implements CrossFieldRules {

    public static PostForm empty() {
        return new PostForm("", "", null, null);
    }

    @Override
    public void checkTogether(Errors errors) {
        if (PostDocuments.parse(documents).isEmpty()) {
            errors.rejectValue("documents", "knowledge.discussions.documents.invalid");
        }
    }

    public String bodyText() {
        return body == null ? "" : body;
    }

    public String documentsText() {
        return documents == null ? "" : documents;
    }

    /** A value for a hidden field, never null. */
    public static String value(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }
}
