package pl.koordes.accounts;

/** Where an account stands: invited people have no password yet; deleted ones keep no personal data. */
public enum AccountStatus {
    INVITED,
    ACTIVE,
    DEACTIVATED,
    DELETED
}
