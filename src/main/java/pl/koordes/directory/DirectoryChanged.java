package pl.koordes.directory;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.audit.AuditAction;
import pl.koordes.shared.audit.Audited;

/**
 * Something in the directory was created, changed, ended or deleted; published in the transaction of
 * the change. It is an audit line (the accounts module writes it with the values before and after, in
 * the same transaction), and pages that show the directory (the maps, the cached region lists) listen
 * to it to refresh.
 *
 * @param action what happened
 * @param targetType the kind of record changed, e.g. {@code region}
 * @param targetId the record's id
 * @param before the record's values before the change, or null when it was created
 * @param after the record's values after the change, or null when it was deleted
 */
public record DirectoryChanged(
        DirectoryAction action,
        String targetType,
        String targetId,
        @Nullable Map<String, @Nullable Object> before,
        @Nullable Map<String, @Nullable Object> after)
        implements Audited {

    /** The kind every node hears of ({@link pl.koordes.shared.cluster.ClusterChanges}) when the directory changed. */
    public static final String CLUSTER_KIND = "directory";

    public DirectoryChanged {
        before = Audited.copyOf(before);
        after = Audited.copyOf(after);
    }

    @Override
    public AuditAction auditAction() {
        return action;
    }

    @Override
    public String auditTargetType() {
        return targetType;
    }

    @Override
    public Object auditTargetId() {
        return targetId;
    }

    @Override
    public @Nullable Map<String, ?> auditBefore() {
        return before;
    }

    @Override
    public @Nullable Map<String, ?> auditAfter() {
        return after;
    }
}
