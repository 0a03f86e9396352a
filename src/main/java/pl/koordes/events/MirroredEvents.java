package pl.koordes.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import pl.koordes.shared.security.CurrentUser;

/**
 * Public events that mirror something another module schedules (a committee's public meeting): a REGIONAL
 * MEETING event kept in step with it. Each change goes through the organisers' own operations, so it is
 * checked and audited as theirs, and people registered for it are told of a change of time or place and of
 * the cancellation as for any event.
 */
public interface MirroredEvents {

    /**
     * What the mirrored event shows.
     *
     * @param place where it takes place, or null for online only
     * @param onlineLink the link to join, or null
     */
    record Mirror(
            long regionId,
            String title,
            String description,
            Instant startsAt,
            Instant endsAt,
            @Nullable String place,
            @Nullable String onlineLink) {}

    /**
     * Creates the event and publishes it.
     *
     * @return the new event's id
     * @throws AccessDeniedException when the person may not organise events of the region
     */
    long publish(CurrentUser organiser, Mirror mirror);

    /** Brings the event in line with {@code mirror} (published again if it was cancelled). */
    void update(CurrentUser organiser, long eventId, Mirror mirror);

    /** Cancels the event (nothing happens when it is already cancelled or gone). */
    void cancel(CurrentUser organiser, long eventId);
}
