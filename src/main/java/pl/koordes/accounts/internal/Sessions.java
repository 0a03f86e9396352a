package pl.koordes.accounts.internal;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Ends the sessions of a person: at deactivation, account deletion and every change of credentials. */
@Component
public class Sessions {

    private final FindByIndexNameSessionRepository<? extends Session> repository;

    Sessions(FindByIndexNameSessionRepository<? extends Session> repository) {
        this.repository = repository;
    }

    public int endAll(long accountId) {
        return end(accountId, null);
    }

    /**
     * Ends every session of the person except the one making the current request (the person who just
     * changed their password stays signed in there; everyone else holding a session is out).
     */
    public int endOthers(long accountId) {
        return end(accountId, currentSessionId());
    }

    private int end(long accountId, @Nullable String keep) {
        var sessions = repository.findByPrincipalName(Long.toString(accountId));
        int ended = 0;
        for (String id : sessions.keySet()) {
            if (!id.equals(keep)) {
                repository.deleteById(id);
                ended++;
            }
        }
        return ended;
    }

    private static @Nullable String currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            return session == null ? null : session.getId();
        }
        return null;
    }
}
