package pl.koordes.accounts.internal;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** Ends every session of a person: at sign-out, deactivation, password change and account deletion. */
@Component
public class Sessions {

    private final FindByIndexNameSessionRepository<? extends Session> repository;

    Sessions(FindByIndexNameSessionRepository<? extends Session> repository) {
        this.repository = repository;
    }

    public int endAll(long accountId) {
        var sessions = repository.findByPrincipalName(Long.toString(accountId));
        sessions.keySet().forEach(repository::deleteById);
        return sessions.size();
    }
}
