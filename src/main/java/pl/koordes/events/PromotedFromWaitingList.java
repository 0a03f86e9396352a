package pl.koordes.events;

import org.jspecify.annotations.Nullable;

/**
 * A seat came free (someone cancelled, a hold ran out, an organiser moved a person) and went to this
 * person on the waiting list. Published in the transaction that gave the seat, with the e-mail queued.
 *
 * @param accountId the person's account when they registered signed in, else null
 */
public record PromotedFromWaitingList(
        long registrationId, long eventId, @Nullable Long accountId, SeatMode mode) {}
