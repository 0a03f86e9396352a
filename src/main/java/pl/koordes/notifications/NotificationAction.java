package pl.koordes.notifications;

import pl.koordes.shared.audit.AuditAction;

/**
 * What the audit log says was done with a person's notifications. The names are what the log stores (the audit
 * page translates them as {@code admin.audit.action.*}): renaming one renames history.
 */
public enum NotificationAction implements AuditAction {
    /** A person saved their notification preferences. */
    NOTIFICATION_PREFERENCES_CHANGED,
    /** A person turned one kind of e-mail off by the unsubscribe link of an e-mail (page or one-click). */
    NOTIFICATION_UNSUBSCRIBED
}
