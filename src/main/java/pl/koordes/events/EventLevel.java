package pl.koordes.events;

/** Whom an event gathers: one region, one macroregion, or the whole country. */
public enum EventLevel {
    REGIONAL,
    MACROREGIONAL,
    NATIONAL
}
