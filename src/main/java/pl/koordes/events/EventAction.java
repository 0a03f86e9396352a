package pl.koordes.events;

import pl.koordes.shared.audit.AuditAction;

/**
 * What the audit log says was done to events. The names are stored: add new ones rather than rename
 * ({@code EVENT_MATERIAL_UPLOADED} and {@code EVENT_MATERIAL_DELETED} were written before this enum).
 */
public enum EventAction implements AuditAction {
    EVENT_CREATED,
    EVENT_UPDATED,
    EVENT_STATUS_CHANGED,
    EVENT_CANCELLED,
    EVENT_MATERIAL_UPLOADED,
    EVENT_MATERIAL_DELETED,
    // An organiser's work on an event's registrations
    PARTICIPANT_ADDED,
    PARTICIPANT_REMOVED,
    PARTICIPANT_MOVED,
    ATTENDANCE_MARKED,
    /** The registration list (people's names and addresses) downloaded as CSV, XLSX or a PDF sign-in sheet. */
    PARTICIPANTS_EXPORTED
}
