package pl.koordes.events;

import java.util.Map;
import pl.koordes.shared.audit.AuditAction;

/**
 * An organiser downloaded an event's registration list, with people's names and addresses: as CSV,
 * XLSX or the PDF sign-in sheet. Nothing changes, but personal data left the system, so the audit log
 * says who took it, when and in which form.
 *
 * @param format {@code CSV}, {@code XLSX} or {@code PDF}
 * @param people how many registrations the file holds
 */
public record ParticipantsExported(long eventId, String title, String format, int people) implements EventFact {

    @Override
    public AuditAction auditAction() {
        return EventAction.PARTICIPANTS_EXPORTED;
    }

    @Override
    public Map<String, ?> auditAfter() {
        return Map.of("title", title, "format", format, "people", people);
    }
}
