package pl.koordes.events;

/** The kind of seat a registration holds: in the room or in the online meeting. */
public enum SeatMode {
    ON_SITE,
    ONLINE
}
