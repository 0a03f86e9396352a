package pl.koordes.committees;

/** A committee meeting's state: DRAFT (coordinators only), CONVENED (invitations sent), HELD (attendance recorded), CANCELLED (never counts for attendance). */
public enum MeetingStatus {
    DRAFT,
    CONVENED,
    HELD,
    CANCELLED
}
