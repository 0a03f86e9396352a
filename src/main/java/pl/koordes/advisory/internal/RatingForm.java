package pl.koordes.advisory.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.text.Text;

/** The region coordinator's rating of a completed case: 1 (poor) to 5 (very good) and an optional comment. */
public record RatingForm(
        @NotNull(message = "advisory.requests.rating.required")
        @Min(value = 1, message = "advisory.requests.rating.required")
        @Max(value = 5, message = "advisory.requests.rating.required")
        @Nullable
        Integer rating,

        @Text(max = 2000, multiline = true) @Nullable String ratingComment) {

    public static RatingForm empty() {
        return new RatingForm(null, "");
    }

    public String ratingCommentText() {
        return ratingComment == null ? "" : ratingComment;
    }
}
