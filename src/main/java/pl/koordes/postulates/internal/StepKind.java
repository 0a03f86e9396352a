package pl.koordes.postulates.internal;

/** The kinds of steps of a postulate's public timeline (stored by name in {@code postulates_step.kind}). */
public enum StepKind {
    DRAFTED,
    SUBMITTED,
    COSIGNED,
    COSIGN_WITHDRAWN,
    FORWARDED,
    ANSWERED,
    ANSWER_CORRECTED,
    /** The deadline passed without an answer (recorded once, by the reminder job, so the timeline shows it). */
    OVERDUE,
    WITHDRAWN,
    /** This postulate was merged into another (other_postulate_id). */
    MERGED,
    /** Another postulate was merged into this one (other_postulate_id). */
    MERGED_IN,
    /** Put on a national meeting's agenda (event_id). */
    AGENDA
}
