package pl.koordes.monitoring.internal;

/** A reporting period covers a whole year or one half of it. */
public enum PeriodKind {
    YEAR,
    HALF
}
