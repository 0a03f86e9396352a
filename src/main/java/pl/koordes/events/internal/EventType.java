package pl.koordes.events.internal;

/** What kind of gathering an event is. */
public enum EventType {
    MEETING,
    WEBINAR,
    GROUP_ADVISORY,
    CONFERENCE,
    STUDY_VISIT
}
