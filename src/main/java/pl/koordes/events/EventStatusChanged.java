package pl.koordes.events;

import java.util.Map;
import pl.koordes.shared.audit.AuditAction;

/** An organiser moved an event to another state other than cancelled (published, back to draft, completed). */
public record EventStatusChanged(long eventId, EventStatus from, EventStatus to) implements EventFact {

    @Override
    public AuditAction auditAction() {
        return EventAction.EVENT_STATUS_CHANGED;
    }

    @Override
    public Map<String, ?> auditBefore() {
        return Map.of("status", from.name());
    }

    @Override
    public Map<String, ?> auditAfter() {
        return Map.of("status", to.name());
    }
}
