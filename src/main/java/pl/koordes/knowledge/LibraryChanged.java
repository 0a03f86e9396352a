package pl.koordes.knowledge;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.audit.AuditAction;
import pl.koordes.shared.audit.Audited;

/**
 * A library document was added, changed or deleted; published in the transaction of the change, it is the
 * change's audit line.
 *
 * @param documentId the document
 * @param before its values before the change, or null when it was added
 * @param after its values after the change, or null when it was deleted
 */
public record LibraryChanged(
        LibraryAction action,
        long documentId,
        @Nullable Map<String, @Nullable Object> before,
        @Nullable Map<String, @Nullable Object> after)
        implements Audited {

    public static final String DOCUMENT = "library_document";

    public LibraryChanged {
        before = Audited.copyOf(before);
        after = Audited.copyOf(after);
    }

    @Override
    public AuditAction auditAction() {
        return action;
    }

    @Override
    public String auditTargetType() {
        return DOCUMENT;
    }

    @Override
    public @Nullable Object auditTargetId() {
        return documentId;
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
