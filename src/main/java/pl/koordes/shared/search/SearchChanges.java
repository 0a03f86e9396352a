package pl.koordes.shared.search;

import org.jspecify.annotations.Nullable;
import pl.koordes.shared.audit.Audited;

/**
 * Which indexed thing an audited change concerns. Every state change publishes an {@link Audited} event inside its
 * transaction, so a module's {@link SearchSource} bean that listens to its own changes just before the commit
 * ({@code @TransactionalEventListener(phase = BEFORE_COMMIT)}) refreshes the entry after the last write of every
 * write path, the ones added later included, and the change is searchable at commit.
 */
public final class SearchChanges {

    private SearchChanges() {}

    /** The numeric id of the change's target when it is of this type; null otherwise. */
    public static @Nullable Long idOf(Audited change, String type) {
        Object id = change.auditTargetId();
        if (id == null || !type.equals(change.auditTargetType())) {
            return null;
        }
        if (id instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.valueOf(id.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
