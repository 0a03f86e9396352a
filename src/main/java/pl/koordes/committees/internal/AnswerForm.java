package pl.koordes.committees.internal;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import pl.koordes.committees.MeetingAnswer;
import pl.koordes.shared.text.Text;

/** A member's answer to an invitation: attending, or excused with an optional reason. */
public record AnswerForm(
        @NotNull(message = "committees.meetings.answer.required") @Nullable
        MeetingAnswer meetingAnswer,

        @Text(max = 2000, multiline = true) @Nullable String answerReason) {

    @Nullable
    String reasonText() {
        return meetingAnswer == MeetingAnswer.EXCUSED && answerReason != null && !answerReason.isBlank()
                ? answerReason
                : null;
    }
}
