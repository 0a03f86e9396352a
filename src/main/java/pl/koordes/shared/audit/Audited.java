package pl.koordes.shared.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A past-tense domain event that is also a line of the audit log. Modules publish such events
 * ({@code ApplicationEventPublisher}) in the transaction of the change; the accounts module writes
 * the audit line in the same transaction with whoever is signed in as the actor, so a change and
 * its audit line commit or roll back together. Other modules listen to the same event after commit
 * ({@code @ApplicationModuleListener}, kept in the publication registry until handled).
 */
public interface Audited {

    AuditAction auditAction();

    /** The kind of thing changed, such as {@code event} or {@code region}. */
    String auditTargetType();

    /** Its identifier, or null when the change concerns no single thing. */
    @Nullable
    Object auditTargetId();

    /** The values before the change, or null. */
    default @Nullable Map<String, ?> auditBefore() {
        return null;
    }

    /** The values after the change, or null. */
    default @Nullable Map<String, ?> auditAfter() {
        return null;
    }

    /**
     * An unmodifiable copy of a change's values in their order, or null: values may be null (an
     * article without a picture), which {@code Map.copyOf} refuses.
     */
    static @Nullable Map<String, @Nullable Object> copyOf(@Nullable Map<String, @Nullable Object> values) {
        return values == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
