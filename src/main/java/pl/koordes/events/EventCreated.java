package pl.koordes.events;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.audit.AuditAction;

/** An organiser created an event (as a draft). */
public record EventCreated(
        long eventId,
        String title,
        EventLevel level,
        @Nullable Long regionId) implements EventFact {

    @Override
    public AuditAction auditAction() {
        return EventAction.EVENT_CREATED;
    }

    @Override
    public Map<String, ?> auditAfter() {
        return regionId == null
                ? Map.of("title", title, "level", level.name())
                : Map.of("title", title, "level", level.name(), "region", regionId);
    }
}
