package pl.koordes.notifications;

import java.util.Map;
import pl.koordes.shared.audit.AuditAction;
import pl.koordes.shared.audit.Audited;

/**
 * A person turned one kind of e-mail off by the unsubscribe link of an e-mail, without signing in: an audit line
 * on their account naming the kind ({@code event-reminder}, or {@code digest} for the daily digest), how
 * ({@code link}: the page's button; {@code one-click}: the mail client's RFC 8058 POST) and the delivery before and
 * after. Published in the transaction of the change, only when something changed.
 */
public record Unsubscribed(long accountId, String kind, String via, String before, String after) implements Audited {

    /** The page's button. */
    public static final String LINK = "link";

    /** The mail client's one-click POST (RFC 8058). */
    public static final String ONE_CLICK = "one-click";

    @Override
    public AuditAction auditAction() {
        return NotificationAction.NOTIFICATION_UNSUBSCRIBED;
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
        return Map.of("kind", kind, "delivery", before);
    }

    @Override
    public Map<String, ?> auditAfter() {
        return Map.of("kind", kind, "delivery", after, "via", via);
    }
}
