package pl.koordes.events;

import java.time.Instant;
import java.util.Map;
import pl.koordes.shared.audit.AuditAction;

/**
 * An organiser cancelled an event. {@code wasPublished} says whether anyone could have registered (they
 * are told by e-mail).
 */
public record EventCancelled(long eventId, String title, Instant startsAt, boolean wasPublished) implements EventFact {

    @Override
    public AuditAction auditAction() {
        return EventAction.EVENT_CANCELLED;
    }

    @Override
    public Map<String, ?> auditAfter() {
        return Map.of("title", title, "startsAt", startsAt.toString());
    }
}
