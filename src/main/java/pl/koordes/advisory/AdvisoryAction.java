package pl.koordes.advisory;

import pl.koordes.shared.audit.AuditAction;

/**
 * What the audit log says was done with advisory cases. The names are what the log stores (and the audit
 * page translates as {@code admin.audit.action.*}): renaming one renames history.
 */
public enum AdvisoryAction implements AuditAction {
    // The region (or the operator on its behalf).
    ADVISORY_REQUESTED,
    ADVISORY_REQUEST_UPDATED,
    ADVISORY_REQUEST_WITHDRAWN,
    ADVISORY_RATED,
    // The operator.
    ADVISORY_ACCEPTED,
    ADVISORY_DECLINED,
    ADVISORY_EXPERT_ASSIGNED,
    ADVISORY_EXPERT_UNASSIGNED,
    ADVISORY_LIMIT_CHANGED,
    ADVISORY_HOURS_CONSENTED,
    ADVISORY_HOURS_REFUSED,
    ADVISORY_TOPIC_ADDED,
    ADVISORY_TOPIC_UPDATED,
    ADVISORY_EXPERT_PROFILE_UPDATED,
    // The expert.
    ADVISORY_SESSION_RECORDED,
    ADVISORY_SESSION_UPDATED,
    ADVISORY_SESSION_REMOVED,
    ADVISORY_TASK_ADDED,
    ADVISORY_TASK_DONE,
    ADVISORY_TASK_REMINDED,
    ADVISORY_COMPLETED,
    ADVISORY_EXPORTED
}
