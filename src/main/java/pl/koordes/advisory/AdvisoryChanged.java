package pl.koordes.advisory;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.audit.AuditAction;
import pl.koordes.shared.audit.Audited;

/**
 * Something happened to an advisory case (or to the topics and expert profiles, with no case); published
 * in the transaction of the change. It is an audit line, and listeners after commit tell the region, the
 * experts and the operator.
 *
 * @param action what happened
 * @param requestId the case, or 0 for changes of topics and expert profiles
 * @param regionId the case's region, or 0
 * @param before the values before the change, or null when it was created
 * @param after the values after the change, or null when it was deleted
 */
public record AdvisoryChanged(
        AdvisoryAction action,
        long requestId,
        long regionId,
        @Nullable Map<String, @Nullable Object> before,
        @Nullable Map<String, @Nullable Object> after)
        implements Audited {

    public AdvisoryChanged {
        before = Audited.copyOf(before);
        after = Audited.copyOf(after);
    }

    @Override
    public AuditAction auditAction() {
        return action;
    }

    @Override
    public String auditTargetType() {
        return "advisory";
    }

    @Override
    public @Nullable Object auditTargetId() {
        return requestId == 0 ? null : requestId;
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
