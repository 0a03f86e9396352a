package pl.koordes.shared.audit;

/**
 * What the audit log says was done. Each module lists its actions in one enum implementing this
 * (for example {@code directory.DirectoryAction}); the enum constant's name is what the log stores,
 * so renaming a constant renames history: add new ones instead.
 */
public interface AuditAction {

    /** The stored name, such as {@code REGION_UPDATED}. Enums implement it with their own name(). */
    String name();
}
