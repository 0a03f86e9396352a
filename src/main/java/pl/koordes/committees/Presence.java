package pl.koordes.committees;

/** A member's attendance at a held meeting, as the secretary records it. */
public enum Presence {
    PRESENT,
    EXCUSED,
    ABSENT
}
