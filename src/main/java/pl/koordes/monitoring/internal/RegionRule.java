package pl.koordes.monitoring.internal;

/** How the regions' values of a mapped indicator make the national figure. */
public enum RegionRule {
    SUM,
    AVERAGE,
    /** Mapped for the coherence view only: the regions' values do not add up to the national one. */
    NONE
}
