package pl.koordes.events.internal;

import pl.koordes.events.SeatMode;

/** Where an event happens; a hybrid event has separate seats on site and online. */
public enum EventFormat {
    IN_PERSON,
    ONLINE,
    HYBRID;

    public boolean onSite() {
        return this != ONLINE;
    }

    public boolean online() {
        return this != IN_PERSON;
    }

    /** Whether a participant may take a seat of this kind at an event of this format. */
    public boolean offers(SeatMode mode) {
        return mode == SeatMode.ON_SITE ? onSite() : online();
    }
}
