package pl.koordes.events.internal;

import pl.koordes.events.SeatMode;

/**
 * Seats of one kind at one event: how many there are, taken (confirmed or held), of those held for
 * visitors who have not confirmed yet, and waiting.
 */
public record SeatCount(SeatMode mode, int capacity, int taken, int held, int waiting) {

    public int left() {
        return Math.max(0, capacity - taken);
    }
}
