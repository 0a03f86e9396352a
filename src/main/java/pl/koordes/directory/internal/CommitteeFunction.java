package pl.koordes.directory.internal;

/** A member's function in a committee, in the order members are listed. */
public enum CommitteeFunction {
    CHAIR,
    VICE_CHAIR,
    SECRETARY,
    MEMBER
}
