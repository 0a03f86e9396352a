package pl.koordes.postulates.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;
import pl.koordes.shared.text.Text;
import pl.koordes.shared.web.CrossFieldRules;

/**
 * The addressee's answer: a status, the text, for "w analizie" the new date of the final answer; a
 * correction replaces the latest version's content (kept as a new version). {@code seenVersion} is the
 * latest version shown with the form, so that two people of the institution answering at once do not
 * answer over each other unknowingly.
 */
public record AnswerForm(
        @NotNull(message = "postulates.answers.answer.status.required") @Nullable
        AnswerStatus answerStatus,

        @NotBlank(message = "postulates.answers.answer.text.required") @Text(max = 20000, multiline = true) @Nullable
        String answerText,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
        LocalDate answerNewDue,

        @Nullable Boolean correction,

        @Nullable Integer seenVersion)
        implements CrossFieldRules {

    /** The statuses an answer may give. */
    public enum AnswerStatus {
        ACCEPTED,
        PARTLY_ACCEPTED,
        REJECTED,
        IN_ANALYSIS
    }

    public static AnswerForm empty(int seenVersion, boolean correction) {
        return new AnswerForm(null, null, null, correction ? Boolean.TRUE : null, seenVersion);
    }

    public boolean isCorrection() {
        return Boolean.TRUE.equals(correction);
    }

    public String text() {
        return answerText == null ? "" : answerText;
    }

    @Override
    public void checkTogether(Errors errors) {
        if (answerStatus == AnswerStatus.IN_ANALYSIS && answerNewDue == null) {
            errors.rejectValue("answerNewDue", "postulates.answers.answer.newDue.required");
        }
    }
}
