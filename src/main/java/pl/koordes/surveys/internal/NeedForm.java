package pl.koordes.surveys.internal;

import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.text.Text;

/**
 * What the operator writes about a need. The region, the survey and the answer are checked against the
 * database by {@link NeedManagement}, beside their fields.
 *
 * @param regionId the region; empty for a national need
 * @param surveyId the survey it comes from, optional
 * @param responseId a submitted answer of that survey it was recognised in, optional (new needs only)
 * @param questionId the question of that answer
 * @param answeredOn the day the operator says it was answered; empty lets the links decide (edits only)
 * @param version the row version the form was read at (optimistic locking of edits); null for a new need
 */
public record NeedForm(
        @NotBlank(message = "surveys.needs.topic.required") @Text(max = 200) @Nullable
        String topic,

        @Nullable Long regionId,

        @NotBlank(message = "surveys.needs.description.required") @Text(max = 4000, multiline = true) @Nullable
        String description,

        @Nullable Long surveyId,
        @Nullable Long responseId,
        @Nullable Long questionId,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
        LocalDate answeredOn,

        @Nullable Integer version) {

    public static NeedForm empty() {
        return new NeedForm("", null, "", null, null, null, null, null);
    }

    /** A new need's form with these values already chosen (from a topic, a question or an answer). */
    public static NeedForm prefilled(
            String topic,
            @Nullable Long regionId,
            @Nullable Long surveyId,
            @Nullable Long responseId,
            @Nullable Long questionId) {
        return new NeedForm(topic, regionId, "", surveyId, responseId, questionId, null, null);
    }

    public static NeedForm of(Need need) {
        return new NeedForm(
                need.topic(),
                need.regionId(),
                need.description(),
                need.surveyId(),
                null,
                null,
                need.answeredMarked() && need.answeredAt() != null
                        ? need.answeredAt().atZone(Formats.ZONE).toLocalDate()
                        : null,
                need.rowVersion());
    }

    public String topicText() {
        return topic == null ? "" : topic;
    }

    public String descriptionText() {
        return description == null ? "" : description;
    }

    /** A value for a form field, never null. */
    public static String value(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }
}
