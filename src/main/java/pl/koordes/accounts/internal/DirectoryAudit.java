package pl.koordes.accounts.internal;

import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import pl.koordes.accounts.AuditLog;
import pl.koordes.shared.audit.AuditAction;
import pl.koordes.directory.DirectoryChanged;

/**
 * Writes every directory edit to the audit log with the values before and after. A plain synchronous
 * listener: the audit row is written in the edit's transaction and commits (or rolls back) with it.
 */
@Component
class DirectoryAudit {

    /** How the audit log names an actor that is no signed-in person (a start-up task, a test). */
    static final String SYSTEM = "system";

    private final AuditLog audit;

    DirectoryAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void on(DirectoryChanged change) {
        // The directory still names its actions by string; the log stores the name as given.
        AuditAction action = change::action;
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AccountUserDetails details) {
            audit.record(details.user(), action, change.targetType(), change.targetId(), change.before(),
                    change.after());
        } else {
            audit.record(null, SYSTEM, action, change.targetType(), change.targetId(), change.before(),
                    change.after());
        }
    }
}
