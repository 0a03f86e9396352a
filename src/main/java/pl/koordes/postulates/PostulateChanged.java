package pl.koordes.postulates;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.audit.AuditAction;
import pl.koordes.shared.audit.Audited;

/**
 * Something happened to a postulate; published in the transaction of the change. It is an audit line
 * (written with the values before and after in the same transaction), and listeners after commit tell
 * the followers, the addressee and the operator, and evict cached public pages.
 *
 * @param action what happened
 * @param postulateId the postulate
 * @param regionId the postulate's own region
 * @param before the values before the change, or null when it was created
 * @param after the values after the change, or null when it was deleted
 * @param id this change's own id, the same in every run of a listener kept in the publication registry (a
 *        publication stored before the id existed gets a new one when read)
 */
public record PostulateChanged(
        PostulateAction action,
        long postulateId,
        long regionId,
        @Nullable Map<String, @Nullable Object> before,
        @Nullable Map<String, @Nullable Object> after,
        UUID id)
        implements Audited {

    public PostulateChanged {
        before = Audited.copyOf(before);
        after = Audited.copyOf(after);
        id = Objects.requireNonNullElseGet(id, UUID::randomUUID);
    }

    /** A change with a new id. */
    public PostulateChanged(
            PostulateAction action,
            long postulateId,
            long regionId,
            @Nullable Map<String, @Nullable Object> before,
            @Nullable Map<String, @Nullable Object> after) {
        this(action, postulateId, regionId, before, after, UUID.randomUUID());
    }

    @Override
    public AuditAction auditAction() {
        return action;
    }

    @Override
    public String auditTargetType() {
        return "postulate";
    }

    @Override
    public Object auditTargetId() {
        return postulateId;
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
