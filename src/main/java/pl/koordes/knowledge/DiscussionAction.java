package pl.koordes.knowledge;

import pl.koordes.shared.audit.AuditAction;

/**
 * What the audit log says was done in the discussion spaces. The names are what the log stores (and the audit
 * page translates as {@code admin.audit.action.*}): renaming one renames history.
 */
public enum DiscussionAction implements AuditAction {
    DISCUSSION_GROUP_OPENED,
    DISCUSSION_GROUP_CHANGED,
    DISCUSSION_THREAD_STARTED,
    DISCUSSION_POST_ADDED,
    DISCUSSION_POST_EDITED,
    DISCUSSION_POST_HIDDEN,
    DISCUSSION_POST_RESTORED,
    DISCUSSION_THREAD_LOCKED,
    DISCUSSION_THREAD_UNLOCKED,
    DISCUSSION_SUBSCRIBED,
    DISCUSSION_UNSUBSCRIBED
}
