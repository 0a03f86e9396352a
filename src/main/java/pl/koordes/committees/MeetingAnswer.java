package pl.koordes.committees;

/** A member's answer to an invitation, given in advance. */
public enum MeetingAnswer {
    ATTENDING,
    EXCUSED
}
