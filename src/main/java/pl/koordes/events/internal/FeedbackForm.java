package pl.koordes.events.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.text.Text;

/** A participant's feedback after the event: a rating from 1 to 5 and an optional comment. */
public record FeedbackForm(
        @NotNull(message = "events.feedback.refused")
        @Min(value = 1, message = "events.feedback.refused")
        @Max(value = 5, message = "events.feedback.refused")
        @Nullable
        Integer rating,

        @Text(max = 2000, multiline = true) @Nullable String comment) {}
