package pl.koordes.accounts;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.accounts.internal.Accounts;
import pl.koordes.accounts.internal.Sessions;
import pl.koordes.accounts.internal.Tokens;

/** Changes to accounts that people make themselves: accepting an invitation, setting a password. */
@Service
public class AccountManagement {

    private final Accounts accounts;
    private final Tokens tokens;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final AuditLog audit;
    private final Sessions sessions;

    AccountManagement(Accounts accounts, Tokens tokens, PasswordEncoder passwordEncoder, PasswordPolicy policy,
            AuditLog audit, Sessions sessions) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwords = passwordEncoder;
        this.policy = policy;
        this.audit = audit;
        this.sessions = sessions;
    }

    /** Who an invitation or set-up link is for, while it is still valid. */
    @Transactional(readOnly = true)
    public Optional<Invitee> invitee(String token) {
        return tokens.peek(token, Tokens.Purpose.INVITATION)
                .or(() -> tokens.peek(token, Tokens.Purpose.SETUP))
                .flatMap(accounts::byId)
                .filter(row -> row.status() == AccountStatus.INVITED)
                .map(row -> new Invitee(row.id(), row.email(), row.displayName()));
    }

    /** The person behind an invitation link, as shown on the page where they set their password. */
    public record Invitee(long id, String email, String displayName) {
    }

    /**
     * Accepts an invitation: the password is checked, the link used up, the account activated.
     * The result says why nothing changed when the password is refused or the link no longer works.
     */
    @Transactional
    public AcceptResult acceptInvitation(String token, String password, Locale locale) {
        Optional<Invitee> invitee = invitee(token);
        if (invitee.isEmpty()) {
            return AcceptResult.invalidLink();
        }
        Optional<PasswordPolicy.Refusal> refusal = policy.check(password, invitee.get().displayName(), invitee.get().email(), locale);
        if (refusal.isPresent()) {
            return AcceptResult.refused(refusal.get());
        }
        Optional<Long> consumed = tokens.consume(token, Tokens.Purpose.INVITATION).or(() -> tokens.consume(token, Tokens.Purpose.SETUP));
        if (consumed.isEmpty()) {
            return AcceptResult.invalidLink();
        }
        long id = consumed.get();
        accounts.setPassword(id, passwords.encode(password));
        accounts.setStatus(id, AccountStatus.ACTIVE);
        audit.record(id, invitee.get().email(), AccountAction.INVITATION_ACCEPTED, "account", id,
                Map.of("status", AccountStatus.INVITED.name()), Map.of("status", AccountStatus.ACTIVE.name()));
        return AcceptResult.success();
    }

    /** Ends every session of the person, e.g. when their account is deactivated. */
    public int endSessions(long accountId) {
        return sessions.endAll(accountId);
    }

    /**
     * The outcome of accepting an invitation.
     *
     * @param refusal why the password was refused, or null
     */
    public record AcceptResult(boolean accepted, boolean linkInvalid, PasswordPolicy.Refusal refusal) {

        static AcceptResult success() {
            return new AcceptResult(true, false, null);
        }

        static AcceptResult invalidLink() {
            return new AcceptResult(false, true, null);
        }

        static AcceptResult refused(PasswordPolicy.Refusal refusal) {
            return new AcceptResult(false, false, refusal);
        }
    }
}
