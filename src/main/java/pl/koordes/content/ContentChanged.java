package pl.koordes.content;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.audit.AuditAction;
import pl.koordes.shared.audit.Audited;

/**
 * An editor changed the site's content: an article, a static page, a motto quote, a partner or a
 * picture. Published in the change's transaction; the audit line keeps the values before and after
 * (the audit page lists which of them differ).
 *
 * @param targetType {@code article}, {@code page}, {@code quote}, {@code partner} or {@code image}
 */
public record ContentChanged(
        ContentAction action,
        String targetType,
        long targetId,
        @Nullable Map<String, @Nullable Object> before,
        @Nullable Map<String, @Nullable Object> after)
        implements Audited {

    public ContentChanged {
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
