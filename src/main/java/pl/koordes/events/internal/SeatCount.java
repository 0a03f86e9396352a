package pl.koordes.events.internal;

import pl.koordes.events.SeatMode;

/** Seats of one kind at one event: how many there are, taken (confirmed or held) and waiting. */
public record SeatCount(SeatMode mode, int capacity, int taken, int waiting) {

    public int left() {
        return Math.max(0, capacity - taken);
    }
}
