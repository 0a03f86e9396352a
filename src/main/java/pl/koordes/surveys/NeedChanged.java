package pl.koordes.surveys;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.audit.AuditAction;
import pl.koordes.shared.audit.Audited;

/**
 * Something happened to a need (created, edited, linked to what answers it); published in the
 * transaction of the change, an audit line.
 *
 * @param action what happened
 * @param needId the need
 * @param before the values before the change, or null when it was created
 * @param after the values after the change, or null when it was deleted
 */
public record NeedChanged(
        SurveyAction action,
        long needId,
        @Nullable Map<String, @Nullable Object> before,
        @Nullable Map<String, @Nullable Object> after)
        implements Audited {

    public NeedChanged {
        before = Audited.copyOf(before);
        after = Audited.copyOf(after);
    }

    @Override
    public AuditAction auditAction() {
        return action;
    }

    @Override
    public String auditTargetType() {
        return "need";
    }

    @Override
    public Object auditTargetId() {
        return needId;
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
