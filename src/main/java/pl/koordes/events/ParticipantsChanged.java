package pl.koordes.events;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.audit.AuditAction;
import pl.koordes.shared.audit.Audited;

/**
 * An organiser changed an event's registrations: added a person, removed one, moved one to the other
 * kind of seat or marked attendance. The audit line names the event and the registration by number
 * only: the people's names stay in the registration list, not in the log.
 *
 * @param action one of {@link EventAction#PARTICIPANT_ADDED}, {@link EventAction#PARTICIPANT_REMOVED},
 *     {@link EventAction#PARTICIPANT_MOVED}, {@link EventAction#ATTENDANCE_MARKED}
 */
public record ParticipantsChanged(
        EventAction action,
        long eventId,
        long registrationId,
        @Nullable Map<String, @Nullable Object> before,
        @Nullable Map<String, @Nullable Object> after)
        implements EventFact {

    public ParticipantsChanged {
        before = Audited.copyOf(before);
        after = Audited.copyOf(after);
    }

    @Override
    public AuditAction auditAction() {
        return action;
    }

    @Override
    public @Nullable Map<String, ?> auditBefore() {
        return before;
    }

    @Override
    public @Nullable Map<String, ?> auditAfter() {
        return after;
    }
}
