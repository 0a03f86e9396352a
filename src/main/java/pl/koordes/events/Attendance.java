package pl.koordes.events;

/** What the check-in on the day recorded. */
public enum Attendance {
    ATTENDED, ABSENT
}
