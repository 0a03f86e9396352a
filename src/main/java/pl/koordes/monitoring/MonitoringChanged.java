package pl.koordes.monitoring;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.audit.AuditAction;
import pl.koordes.shared.audit.Audited;

/**
 * Something in monitoring was created, changed, submitted, approved or deleted; published in the
 * transaction of the change. It is an audit line (written with the values before and after in the same
 * transaction), and other modules (notifications, reports) may listen to it after commit.
 *
 * @param action what happened
 * @param targetType the kind of record changed: {@code direction}, {@code national-indicator},
 *     {@code programme-version}, {@code indicator}, {@code period}, {@code value}, …
 * @param targetId the record's id
 * @param regionId the region the change concerns, or null for the national programme
 * @param before the record's values before the change, or null when it was created
 * @param after the record's values after the change, or null when it was deleted
 */
public record MonitoringChanged(
        MonitoringAction action,
        String targetType,
        String targetId,
        @Nullable Long regionId,
        @Nullable Map<String, @Nullable Object> before,
        @Nullable Map<String, @Nullable Object> after)
        implements Audited {

    /** The kind every node hears of ({@link pl.koordes.shared.cluster.ClusterChanges}) when monitoring changed. */
    public static final String CLUSTER_KIND = "monitoring";

    public MonitoringChanged {
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
