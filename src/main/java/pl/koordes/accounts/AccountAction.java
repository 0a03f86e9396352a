package pl.koordes.accounts;

import pl.koordes.shared.audit.AuditAction;

/**
 * What the accounts module writes to the audit log. The constants are the names the log has always
 * stored (the audit page and its CSV show and filter by them), so renaming one would split history:
 * add a constant instead.
 */
public enum AccountAction implements AuditAction {
    // Signing in
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_IN_PASSWORD_ACCEPTED,
    SECOND_FACTOR_FAILED,
    RECOVERY_CODE_USED,
    // Self-registration and invitations
    REGISTERED,
    REGISTRATION_FOR_EXISTING_EMAIL,
    EMAIL_VERIFIED,
    INVITATION_ACCEPTED,
    BOOTSTRAP_ADMIN_CREATED,
    // Forgotten passwords
    PASSWORD_RESET_REQUESTED,
    PASSWORD_RESET_UNKNOWN_EMAIL,
    PASSWORD_RESET,
    // The person's own account page
    PROFILE_UPDATED,
    EMAIL_CHANGE_REQUESTED,
    EMAIL_CHANGED,
    EMAIL_CHANGE_UNDONE,
    UNCONFIRMED_ACCOUNT_RELEASED,
    PASSWORD_CHANGED,
    SECOND_FACTOR_ENROLLED,
    SECOND_FACTOR_DISABLED,
    RECOVERY_CODES_RENEWED,
    ACCOUNT_DELETED,
    VISITOR_DATA_ERASED,
    // The administrators' work on people
    PERSON_INVITED,
    INVITATION_RESENT,
    ROLE_GRANTED,
    ROLE_REVOKED,
    PERSON_DEACTIVATED,
    PERSON_REACTIVATED
}
