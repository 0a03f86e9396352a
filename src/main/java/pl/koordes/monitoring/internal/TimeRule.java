package pl.koordes.monitoring.internal;

/**
 * How an indicator's values over a year's periods make the year's value: a flow (new jobs) sums its
 * periods, a stock (active social enterprises) takes the last one.
 */
public enum TimeRule {
    FLOW,
    STOCK
}
