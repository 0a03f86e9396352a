package pl.koordes.advisory;

/** Individual advice (for one institution's staff) or group advice (several institutions at once). */
public enum AdvisoryKind {
    INDIVIDUAL,
    GROUP
}
