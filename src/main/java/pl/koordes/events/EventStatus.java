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
}
