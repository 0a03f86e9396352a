package pl.koordes.committees;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.audit.AuditAction;
import pl.koordes.shared.audit.Audited;

/**
 * Something happened in a committee's work; published in the transaction of the change. It is an audit
 * line, and listeners after commit tell the members and the coordinators.
 *
 * @param action what happened
 * @param targetType what the id names: {@code committee_meeting}, {@code committee_resolution},
 *     {@code committee_membership}
 * @param targetId the meeting, resolution or membership
 * @param regionId the committee's region
 * @param before the values before the change, or null when it was created
 * @param after the values after the change, or null when it was deleted
 */
public record CommitteeChanged(
        CommitteeAction action,
        String targetType,
        long targetId,
        long regionId,
        @Nullable Map<String, @Nullable Object> before,
        @Nullable Map<String, @Nullable Object> after)
        implements Audited {

    public static final String MEETING = "committee_meeting";
    public static final String RESOLUTION = "committee_resolution";
    public static final String MEMBERSHIP = "committee_membership";

    public CommitteeChanged {
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
    public @Nullable Object auditTargetId() {
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
