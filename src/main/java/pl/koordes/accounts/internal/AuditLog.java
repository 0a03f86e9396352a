package pl.koordes.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import pl.koordes.accounts.AccountAction;
import pl.koordes.shared.audit.AuditAction;
import pl.koordes.shared.security.CurrentUser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who did what and when, with the values before and after: sign-ins and their failures, role
 * changes, directory edits. The accounts module records its own actions ({@link AccountAction}) here;
 * other modules publish {@code shared.audit.Audited} events, which {@code AuditRecorder} writes here.
 */
@Service
public class AuditLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records an action in the caller's transaction.
     *
     * @param actor who acted, or null for the system or an anonymous visitor
     * @param actorLabel how to show the actor when the account is gone (an e-mail typed at sign-in)
     */
    public void record(
            @Nullable Long actor,
            @Nullable String actorLabel,
            AuditAction action,
            @Nullable String targetType,
            @Nullable Object targetId,
            @Nullable Map<String, ?> before,
            @Nullable Map<String, ?> after) {
        jdbc.sql("""
                        insert into audit_entry (actor_id, actor_label, action, target_type, target_id, before_value, after_value, client_address)
                        values (:actor, :label, :action, :type, :target, cast(:before as jsonb), cast(:after as jsonb), :address)
                        """)
                .param("actor", actor)
                .param("label", actorLabel)
                .param("action", action.name())
                .param("type", targetType)
                .param("target", targetId == null ? null : targetId.toString())
                .param("before", before == null ? null : JSON.writeValueAsString(before))
                .param("after", after == null ? null : JSON.writeValueAsString(after))
                .param("address", clientAddress())
                .update();
    }

    /** Records an action of a signed-in person. */
    public void record(
            CurrentUser actor,
            AuditAction action,
            String targetType,
            Object targetId,
            @Nullable Map<String, ?> before,
            @Nullable Map<String, ?> after) {
        record(actor.id(), actor.email(), action, targetType, targetId, before, after);
    }

    private static @Nullable String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
