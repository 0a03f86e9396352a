package pl.koordes.notifications;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.audit.AuditAction;
import pl.koordes.shared.audit.Audited;

/**
 * A person changed how they receive notifications; published in the transaction of the change, an audit line
 * with the preferences before and after ({@code kind -> EMAIL/DIGEST/APP}, and {@code digestHour}).
 */
public record PreferencesChanged(
        long accountId, Map<String, @Nullable Object> before, Map<String, @Nullable Object> after) implements Audited {

    public PreferencesChanged {
        before = Map.copyOf(before);
        after = Map.copyOf(after);
    }

    @Override
    public AuditAction auditAction() {
        return NotificationAction.NOTIFICATION_PREFERENCES_CHANGED;
    }

    @Override
    public String auditTargetType() {
        return "account";
    }

    @Override
    public Object auditTargetId() {
        return accountId;
    }

    @Override
    public Map<String, ?> auditBefore() {
        return before;
    }

    @Override
    public Map<String, ?> auditAfter() {
        return after;
    }
}
