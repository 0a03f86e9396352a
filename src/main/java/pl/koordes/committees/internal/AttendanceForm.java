package pl.koordes.committees.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import pl.koordes.committees.Presence;

/**
 * The attendance of a meeting as the secretary records it: one row per member sitting on the meeting's day
 * ({@code presences[0].membershipId}, {@code presences[0].presence}).
 */
public record AttendanceForm(@Nullable List<@Valid Row> presences) {

    /** One member's presence. */
    public record Row(
            @NotNull(message = "form.invalid") @Nullable Long membershipId,

            @NotNull(message = "committees.meetings.presence.required") @Nullable
            Presence presence) {}

    public AttendanceForm {
        presences = presences == null
                ? List.of()
                : presences.stream().filter(Objects::nonNull).toList();
    }

    @Override
    public List<Row> presences() {
        return Objects.requireNonNull(presences);
    }
}
