package pl.koordes.monitoring.internal;

/** A regional programme's version: being prepared, in force (one per programme), or history. */
public enum VersionStatus {
    DRAFT,
    CURRENT,
    SUPERSEDED
}
