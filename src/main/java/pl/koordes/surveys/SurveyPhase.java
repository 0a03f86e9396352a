package pl.koordes.surveys;

/** Where a survey stands at a moment: derived from publication and the opening and closing times. */
public enum SurveyPhase {
    /** Not published: only editors see it (preview). */
    DRAFT,
    /** Published, opens later. */
    SCHEDULED,
    OPEN,
    CLOSED
}
