package pl.koordes.knowledge;

import pl.koordes.shared.audit.AuditAction;

/**
 * What the audit log says was done with the library. The names are what the log stores (and the audit page
 * translates as {@code admin.audit.action.*}): renaming one renames history.
 */
public enum LibraryAction implements AuditAction {
    LIBRARY_DOCUMENT_ADDED,
    LIBRARY_DOCUMENT_UPDATED,
    LIBRARY_DOCUMENT_DELETED
}
