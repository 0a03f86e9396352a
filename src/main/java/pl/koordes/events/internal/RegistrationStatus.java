package pl.koordes.events.internal;

/**
 * Where a registration stands. {@link #PENDING} holds a seat until the visitor confirms by e-mail or the
 * hold runs out; {@link #UNCONFIRMED} waits for that confirmation without a seat (none was free) and
 * joins the waiting list once confirmed.
 */
public enum RegistrationStatus {
    PENDING,
    UNCONFIRMED,
    CONFIRMED,
    WAITING,
    CANCELLED,
    EXPIRED;

    /** Whether the registration takes a seat from the pool. */
    public boolean holdsSeat() {
        return this == PENDING || this == CONFIRMED;
    }

    public boolean live() {
        return this == PENDING || this == UNCONFIRMED || this == CONFIRMED || this == WAITING;
    }
}
