package pl.koordes.events;

import pl.koordes.shared.audit.Audited;

/** An audited fact about one event: the audit log names the event as what changed. */
interface EventFact extends Audited {

    long eventId();

    @Override
    default String auditTargetType() {
        return "event";
    }

    @Override
    default Object auditTargetId() {
        return eventId();
    }
}
