package pl.koordes.surveys.internal;

/** The two rounds of survey mail; the names are stored in {@code surveys_mailing.kind}. */
public enum MailingKind {
    /** "Please answer": when the survey opens, or when the operator sends it by hand. */
    INVITATION,
    /** "Please answer, it closes soon": to those who have not answered yet. */
    REMINDER
}
