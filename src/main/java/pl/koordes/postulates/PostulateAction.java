package pl.koordes.postulates;

import pl.koordes.shared.audit.AuditAction;

/**
 * What the audit log says was done with postulates. The names are what the log stores (and the audit
 * page translates as {@code admin.audit.action.*}): renaming one renames history.
 */
public enum PostulateAction implements AuditAction {
    // Drafting (the region).
    POSTULATE_DRAFTED,
    POSTULATE_UPDATED,
    POSTULATE_DELETED,
    POSTULATE_ATTACHMENT_ADDED,
    POSTULATE_ATTACHMENT_REMOVED,
    POSTULATE_SUBMITTED,
    POSTULATE_WITHDRAWN,
    // Support (other regions, people).
    POSTULATE_COSIGNED,
    POSTULATE_COSIGN_WITHDRAWN,
    POSTULATE_ENDORSED,
    POSTULATE_ENDORSEMENT_WITHDRAWN,
    POSTULATE_FOLLOWED,
    POSTULATE_UNFOLLOWED,
    // The operator.
    POSTULATE_MERGED,
    POSTULATE_FORWARDED,
    POSTULATE_AGENDA_ADDED,
    POSTULATE_AGENDA_REMOVED,
    // The addressee.
    POSTULATE_ANSWERED,
    POSTULATE_ANSWER_CORRECTED,
    POSTULATE_REMINDER_SENT
}
