package pl.koordes.committees;

/** The marshal's decision on a member flagged for three consecutive unexcused absences. */
public enum AbsenceDecision {
    DISMISSED,
    KEPT
}
