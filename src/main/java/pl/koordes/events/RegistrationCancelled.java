package pl.koordes.events;

import org.jspecify.annotations.Nullable;

/**
 * A live registration was cancelled: by the person (the e-mail link or their own page) or removed by an
 * organiser. Published in the cancelling transaction, before the seat goes to the waiting list.
 *
 * @param heldSeat whether the registration held a seat (so one came free)
 */
public record RegistrationCancelled(
        long registrationId, long eventId, @Nullable Long accountId, boolean heldSeat) {}
