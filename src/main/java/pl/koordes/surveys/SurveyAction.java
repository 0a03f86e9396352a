package pl.koordes.surveys;

import pl.koordes.shared.audit.AuditAction;

/**
 * What the audit log says was done with surveys and needs. The names are what the log stores (and the
 * audit page translates as {@code admin.audit.action.*}): renaming one renames history.
 */
public enum SurveyAction implements AuditAction {
    // Building (editors).
    SURVEY_CREATED,
    SURVEY_COPIED,
    SURVEY_UPDATED,
    SURVEY_DELETED,
    SURVEY_SECTION_ADDED,
    SURVEY_SECTION_UPDATED,
    SURVEY_SECTION_REMOVED,
    SURVEY_QUESTION_ADDED,
    SURVEY_QUESTION_UPDATED,
    SURVEY_QUESTION_REMOVED,
    SURVEY_QUESTION_MOVED,
    SURVEY_PUBLISHED,
    SURVEY_CLOSED,
    // Answering (respondents).
    SURVEY_ANSWER_SAVED,
    SURVEY_ANSWER_SUBMITTED,
    SURVEY_ANSWER_CHANGED,
    // Invitations and reminders.
    SURVEY_INVITATIONS_SENT,
    SURVEY_REMINDERS_SENT,
    // Results.
    SURVEY_RESULTS_EXPORTED,
    // Needs (the operator).
    NEED_CREATED,
    NEED_UPDATED,
    NEED_DELETED,
    NEED_LINKED,
    NEED_UNLINKED
}
