package pl.koordes.events.internal;

/** What the check-in on the day recorded. */
public enum Attendance {
    ATTENDED,
    ABSENT
}
