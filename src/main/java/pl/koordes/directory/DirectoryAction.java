package pl.koordes.directory;

import pl.koordes.shared.audit.AuditAction;

/**
 * What the audit log says was done to the directory. The names are the ones the log has always
 * stored (and the audit page translates as {@code admin.audit.action.*}): renaming one renames history.
 */
public enum DirectoryAction implements AuditAction {
    DIRECTORY_REGION_UPDATED,
    DIRECTORY_REGION_DESCRIPTION_UPDATED,
    DIRECTORY_MACROREGION_CREATED,
    DIRECTORY_MACROREGION_UPDATED,
    DIRECTORY_INSTITUTION_CREATED,
    DIRECTORY_INSTITUTION_UPDATED,
    DIRECTORY_INSTITUTION_DELETED,
    DIRECTORY_COMMITTEE_CREATED,
    DIRECTORY_COMMITTEE_UPDATED,
    DIRECTORY_MEMBERSHIP_ADDED,
    DIRECTORY_MEMBERSHIP_UPDATED,
    DIRECTORY_MEMBERSHIP_ENDED
}
