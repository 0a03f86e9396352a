package pl.koordes.knowledge.internal.discussions;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;
import pl.koordes.shared.text.Text;
import pl.koordes.shared.web.CrossFieldRules;

/**
 * A new thread: its title and first post (Markdown), with library documents it points to.
 *
 * @param documents library document ids or addresses ({@link PostDocuments})
 */
public record ThreadForm(
        @NotBlank(message = "knowledge.discussions.title.required") @Text(max = 300) @Nullable
        String title,

        @NotBlank(message = "knowledge.discussions.body.required") @Text(max = 20000, multiline = true) @Nullable
        String body,

        @Text(max = 1000) @Nullable String documents)
        implements CrossFieldRules {

    public static ThreadForm empty() {
        return new ThreadForm("", "", "");
    }

    @Override
    public void checkTogether(Errors errors) {
        if (PostDocuments.parse(documents).isEmpty()) {
            errors.rejectValue("documents", "knowledge.discussions.documents.invalid");
        }
    }

    public String titleText() {
        return title == null ? "" : title;
    }

    public String bodyText() {
        return body == null ? "" : body;
    }

    public String documentsText() {
        return documents == null ? "" : documents;
    }
}
