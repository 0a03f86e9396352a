package pl.koordes.events;

/** What kind of gathering an event is. */
public enum EventType {
    MEETING, WEBINAR, GROUP_ADVISORY, CONFERENCE, STUDY_VISIT
}
