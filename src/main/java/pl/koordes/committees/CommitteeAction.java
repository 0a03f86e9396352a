package pl.koordes.committees;

import pl.koordes.shared.audit.AuditAction;

/**
 * What the audit log says was done with a committee's work. The names are what the log stores (and the
 * audit page translates as {@code admin.audit.action.*}): renaming one renames history.
 */
public enum CommitteeAction implements AuditAction {
    // Meetings (the region's coordinator, as secretary).
    COMMITTEE_MEETING_CREATED,
    COMMITTEE_MEETING_UPDATED,
    COMMITTEE_MEETING_CONVENED,
    COMMITTEE_MEETING_CANCELLED,
    COMMITTEE_DOCUMENT_ADDED,
    COMMITTEE_DOCUMENT_REMOVED,
    // Members answer in advance.
    COMMITTEE_MEETING_ANSWERED,
    // Attendance and the three-absences rule.
    COMMITTEE_ATTENDANCE_RECORDED,
    COMMITTEE_ABSENCE_FLAGGED,
    COMMITTEE_ABSENCE_DECIDED,
    // Resolutions and opinions.
    COMMITTEE_RESOLUTION_ADDED,
    COMMITTEE_RESOLUTION_UPDATED,
    COMMITTEE_RESOLUTION_REMOVED,
    COMMITTEE_ATTACHMENT_ADDED,
    COMMITTEE_ATTACHMENT_REMOVED,
    // Minutes.
    COMMITTEE_MINUTES_SAVED,
    COMMITTEE_MINUTES_SENT,
    COMMITTEE_MINUTES_REMARKED,
    COMMITTEE_MINUTES_ADOPTED,
    // Composition and terms.
    COMMITTEE_MEMBER_LINKED,
    COMMITTEE_TERM_REMINDED
}
