package pl.koordes.events;

import java.util.Map;
import pl.koordes.shared.audit.AuditAction;

/** An organiser deleted a material file of an event. */
public record MaterialDeleted(
        long eventId,
        long fileId,
        String title,
        String fileName,
        String contentType,
        long size,
        boolean participantsOnly)
        implements EventFact {

    @Override
    public AuditAction auditAction() {
        return EventAction.EVENT_MATERIAL_DELETED;
    }

    @Override
    public Map<String, ?> auditBefore() {
        return MaterialUploaded.details(fileId, title, fileName, contentType, size, participantsOnly);
    }
}
