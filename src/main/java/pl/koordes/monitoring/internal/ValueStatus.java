package pl.koordes.monitoring.internal;

/**
 * Where a reported value stands: the region saves a DRAFT and submits it; an operator approves it or
 * returns it with a reason; an approved value is locked until a correction reopens it (back to DRAFT).
 */
public enum ValueStatus {
    DRAFT,
    SUBMITTED,
    RETURNED,
    APPROVED;

    /** Whether the region may still change the value. */
    public boolean editableByRegion() {
        return this == DRAFT || this == RETURNED;
    }
}
