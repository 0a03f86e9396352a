package pl.koordes.events;

import java.util.Map;
import pl.koordes.shared.audit.AuditAction;
import pl.koordes.shared.audit.Audited;

/** An organiser uploaded a material file to an event. */
public record MaterialUploaded(long eventId, long fileId, String title, String fileName, String contentType, long size,
        boolean participantsOnly) implements Audited {

    @Override
    public AuditAction auditAction() {
        return EventAction.EVENT_MATERIAL_UPLOADED;
    }

    @Override
    public String auditTargetType() {
        return "event";
    }

    @Override
    public Object auditTargetId() {
        return eventId;
    }

    @Override
    public Map<String, ?> auditAfter() {
        return MaterialFiles.details(fileId, title, fileName, contentType, size, participantsOnly);
    }
}
