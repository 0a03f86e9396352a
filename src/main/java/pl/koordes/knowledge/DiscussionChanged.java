package pl.koordes.knowledge;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.audit.AuditAction;
import pl.koordes.shared.audit.Audited;

/**
 * Something changed in a discussion space; published in the transaction of the change as an audit line.
 *
 * @param action what happened
 * @param targetType what the id names: {@code discussion_space}, {@code discussion_thread},
 *     {@code discussion_post}, {@code discussion_subscription}
 * @param targetId the space, thread, post or subscription
 * @param spaceId the space it happened in
 * @param before the values before the change, or null when it was created
 * @param after the values after the change, or null when it was deleted
 */
public record DiscussionChanged(
        DiscussionAction action,
        String targetType,
        long targetId,
        long spaceId,
        @Nullable Map<String, @Nullable Object> before,
        @Nullable Map<String, @Nullable Object> after)
        implements Audited {

    public static final String SPACE = "discussion_space";
    public static final String THREAD = "discussion_thread";
    public static final String POST = "discussion_post";
    public static final String SUBSCRIPTION = "discussion_subscription";

    public DiscussionChanged {
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
