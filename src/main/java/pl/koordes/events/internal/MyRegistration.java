package pl.koordes.events.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import pl.koordes.events.SeatMode;
import pl.koordes.shared.i18n.Formats;

/**
 * One line of "Moje zapisy": the event, when, and where the person stands.
 *
 * @param waitingPosition the place on the waiting list for this kind of seat (1 = next), or null
 */
public record MyRegistration(
        long eventId,
        String title,
        Instant startsAt,
        Instant endsAt,
        RegistrationStatus status,
        SeatMode mode,
        @Nullable Integer waitingPosition,
        boolean past,
        boolean eventCancelled) {

    public String href() {
        return "/wydarzenia/" + eventId;
    }

    public String when() {
        return Formats.dateTime(startsAt);
    }

    /** Whether the person can still cancel it here: live, and the event neither over nor cancelled. */
    public boolean cancellable() {
        return status.live() && !past && !eventCancelled;
    }
}
