package pl.koordes.committees;

/** Minutes: DRAFT (the secretary writes), IN_REVIEW (members remark until a date), ADOPTED (final). */
public enum MinutesStatus {
    DRAFT,
    IN_REVIEW,
    ADOPTED
}
