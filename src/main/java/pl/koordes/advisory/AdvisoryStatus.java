package pl.koordes.advisory;

/** Where an advisory case stands; the names are stored. */
public enum AdvisoryStatus {
    /** Requested by the region, waiting for the operator. */
    SUBMITTED,
    /** Accepted, experts assigned, no session planned yet. */
    ACCEPTED,
    /** Refused by the operator, with a reason the region sees. */
    DECLINED,
    /** A session is planned. */
    SCHEDULED,
    /** At least one session has been held. */
    IN_PROGRESS,
    /** Closed by the expert with a final recommendation; the region may rate it. */
    COMPLETED,
    /** Withdrawn by the region before the operator decided, with a reason. */
    WITHDRAWN;

    /** Whether the case still counts in an expert's load. */
    public boolean open() {
        return this == ACCEPTED || this == SCHEDULED || this == IN_PROGRESS;
    }
}
