package pl.koordes.postulates;

/**
 * Where a postulate is on its way from a region to an institution's answer. Nothing expires: a
 * postulate leaves a waiting status only when it is answered, withdrawn or merged.
 */
public enum PostulateStatus {
    /** Being written; visible only to its region. */
    DRAFT,
    /** Submitted by the region's coordinator: open for co-signing, waiting for the operator. */
    SUBMITTED,
    /** Forwarded to the addressee with an answer deadline. */
    FORWARDED,
    /** Answered "w analizie": the addressee named a new date for the final answer. */
    IN_ANALYSIS,
    ACCEPTED,
    PARTLY_ACCEPTED,
    REJECTED,
    /** Withdrawn by its region. */
    WITHDRAWN,
    /** Merged by the operator into another postulate (a duplicate); its address leads there. */
    MERGED;

    /** Whether the addressee owes an answer (a final one, for "w analizie"). */
    public boolean awaitsAnswer() {
        return this == FORWARDED || this == IN_ANALYSIS;
    }

    /** Whether the addressee has given an answer (final or "w analizie"). */
    public boolean answered() {
        return this == IN_ANALYSIS || this == ACCEPTED || this == PARTLY_ACCEPTED || this == REJECTED;
    }

    /** Whether the public sees it (everything but drafts). */
    public boolean isPublic() {
        return this != DRAFT;
    }
}
