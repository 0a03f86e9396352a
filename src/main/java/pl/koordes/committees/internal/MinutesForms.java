package pl.koordes.committees.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import pl.koordes.shared.text.Text;

/** The forms of the minutes' page. */
public final class MinutesForms {

    private MinutesForms() {}

    /**
     * A version of the minutes as the secretary saves it.
     *
     * @param version the minutes' row version the form was read at (0 before the first version)
     */
    public record TextForm(
            @NotBlank(message = "committees.minutes.body.required") @Text(max = 50000, multiline = true) @Nullable
            String body,

            @Text(max = 500) @Nullable String note,

            @Nullable Integer version) {

        public String bodyText() {
            return body == null ? "" : body;
        }

        public String noteText() {
            return note == null ? "" : note;
        }
    }

    /** Sending the minutes to the members for remarks until a day. */
    public record SendForm(
            @NotNull(message = "committees.minutes.remarksUntil.required")
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            @Nullable
            LocalDate remarksUntil) {}

    /** A member's remark. */
    public record RemarkForm(
            @NotBlank(message = "committees.minutes.remark.required") @Text(max = 4000, multiline = true) @Nullable
            String body) {

        public String bodyText() {
            return body == null ? "" : body;
        }
    }
}
