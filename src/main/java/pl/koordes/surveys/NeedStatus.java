package pl.koordes.surveys;

/** Where a need stands: nothing answers it yet, an event or advice is planned, it has been answered. */
public enum NeedStatus {
    OPEN,
    PLANNED,
    ANSWERED
}
