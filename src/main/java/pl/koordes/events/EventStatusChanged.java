package pl.koordes.events;

import java.util.Map;
import pl.koordes.shared.audit.AuditAction;

/**
 * An organiser moved an event to another state other than cancelled (published, back to draft, completed).
 *
 * @param title the event's title, so that the audit page names it
 */
public record EventStatusChanged(long eventId, EventStatus from, EventStatus to, String title) implements EventFact {

    @Override
    public AuditAction auditAction() {
        return EventAction.EVENT_STATUS_CHANGED;
    }

    @Override
    public Map<String, ?> auditBefore() {
        return Map.of("title", title, "status", from.name());
    }

    @Override
    public Map<String, ?> auditAfter() {
        return Map.of("title", title, "status", to.name());
    }
}
