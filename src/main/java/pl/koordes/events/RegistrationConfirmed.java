package pl.koordes.events;

import org.jspecify.annotations.Nullable;

/**
 * A person's seat at an event is confirmed: a signed-in person registered and got a seat at once, a
 * visitor followed the confirmation link for a held seat (or for a seat that came free meanwhile), or an
 * organiser added someone into a free seat. Published in the transaction that confirmed it; the e-mail
 * telling the person is already queued by then, so listeners (the notification centre) add to it.
 *
 * @param accountId the person's account when they were signed in, else null (a visitor or someone added)
 */
public record RegistrationConfirmed(
        long registrationId, long eventId, @Nullable Long accountId, SeatMode mode) {}
