package pl.koordes.monitoring.internal;

/** Whether a higher value of an indicator is better (UP) or a lower one (DOWN). */
public enum Improvement {
    UP,
    DOWN
}
