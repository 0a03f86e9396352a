package pl.koordes.accounts.internal;

import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import pl.koordes.shared.audit.Audited;

/**
 * Writes every audited domain event of every module to the audit log, with the signed-in person as
 * the actor. A plain synchronous listener: the audit line is written in the change's transaction and
 * commits (or rolls back) with it. This is how modules other than accounts audit their changes.
 */
@Component
class AuditRecorder {

    /** How the audit log names an actor that is no signed-in person (a start-up task, a test). */
    static final String SYSTEM = "system";

    private final AuditLog audit;

    AuditRecorder(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void on(Audited event) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Object targetId = event.auditTargetId();
        if (authentication != null && authentication.getPrincipal() instanceof AccountUserDetails details) {
            audit.record(
                    details.user().id(),
                    details.user().email(),
                    event.auditAction(),
                    event.auditTargetType(),
                    targetId,
                    event.auditBefore(),
                    event.auditAfter());
        } else {
            audit.record(
                    null,
                    SYSTEM,
                    event.auditAction(),
                    event.auditTargetType(),
                    targetId,
                    event.auditBefore(),
                    event.auditAfter());
        }
    }
}
