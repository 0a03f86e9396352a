package pl.koordes.committees.internal;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.text.Text;

/** Why a meeting is cancelled: told to the members and kept with the meeting. */
public record CancelForm(
        @NotBlank(message = "committees.meetings.cancelReason.required") @Text(max = 2000, multiline = true) @Nullable
        String cancelReason) {}
