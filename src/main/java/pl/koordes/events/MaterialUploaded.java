package pl.koordes.events;

import java.util.LinkedHashMap;
import java.util.Map;
import pl.koordes.shared.audit.AuditAction;

/** An organiser uploaded a material file to an event. */
public record MaterialUploaded(
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
        return EventAction.EVENT_MATERIAL_UPLOADED;
    }

    @Override
    public Map<String, ?> auditAfter() {
        return details(fileId, title, fileName, contentType, size, participantsOnly);
    }

    /** The file's description in the audit log, the same for an upload and a deletion. */
    static Map<String, Object> details(
            long id, String title, String fileName, String type, long size, boolean participantsOnly) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("file", id);
        values.put("title", title);
        values.put("name", fileName);
        values.put("type", type);
        values.put("size", size);
        values.put("participantsOnly", participantsOnly);
        return values;
    }
}
