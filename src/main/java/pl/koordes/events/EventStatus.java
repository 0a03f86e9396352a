package pl.koordes.events;

/** An event's life: prepared as a draft, published for registration, then cancelled or completed. */
public enum EventStatus {
    DRAFT,
    PUBLISHED,
    CANCELLED,
    COMPLETED;

    /** Whether the public sees the event. */
    public boolean visible() {
        return this != DRAFT;
    }

    /**
     * Whether moving to {@code target} takes the event from the people who found it (cancelling it, or
     * hiding a visible one in the drafts): such a change is confirmed on a page of its own first.
     */
    public boolean destructiveTo(EventStatus target) {
        return this != target && (target == CANCELLED || target == DRAFT && visible());
    }
}
