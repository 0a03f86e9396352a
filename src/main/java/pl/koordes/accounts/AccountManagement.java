package pl.koordes.accounts;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.accounts.internal.AccountTokens;
import pl.koordes.accounts.internal.Accounts;
import pl.koordes.accounts.internal.AuditLog;
import pl.koordes.accounts.internal.InvitationNotices;
import pl.koordes.accounts.internal.NewPasswordForm;
import pl.koordes.accounts.internal.PasswordPolicy;
import pl.koordes.accounts.internal.Sessions;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;

/** Changes to accounts that people make themselves: accepting an invitation, setting a password. */
@Service
public class AccountManagement {

    private final Accounts accounts;
    private final AccountTokens tokens;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final AuditLog audit;
    private final Sessions sessions;
    private final InvitationNotices notices;

    AccountManagement(
            Accounts accounts,
            AccountTokens tokens,
            PasswordEncoder passwordEncoder,
            PasswordPolicy policy,
            AuditLog audit,
            Sessions sessions,
            InvitationNotices notices) {
        this.notices = notices;
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwords = passwordEncoder;
        this.policy = policy;
        this.audit = audit;
        this.sessions = sessions;
    }

    /**
     * The active account with this address, for tying to it a record whose address was just proven by a
     * link (a visitor's registration confirmed by e-mail). Never use it to let a typed address stand for
     * an account.
     */
    @Transactional(readOnly = true)
    public Optional<Long> activeAccountOf(String email) {
        return accounts.byEmail(email)
                .filter(row -> row.status() == AccountStatus.ACTIVE)
                .map(Accounts.Row::id);
    }

    /** Where to write to an active account and in which language ({@code pl}, {@code en}). */
    public record Recipient(long id, String email, String language) {}

    /** The active account {@code id} as a recipient of mail (the daily digest); empty for any other. */
    @Transactional(readOnly = true)
    public Optional<Recipient> activeRecipient(long id) {
        return accounts.byId(id)
                .filter(row -> row.status() == AccountStatus.ACTIVE)
                .map(row -> new Recipient(row.id(), row.email(), row.language()));
    }

    /** Who an invitation or set-up link is for, while it is still valid. */
    @Transactional(readOnly = true)
    public Optional<Invitee> invitee(String token) {
        return tokens.peek(token, AccountTokens.Purpose.INVITATION)
                .or(() -> tokens.peek(token, AccountTokens.Purpose.SETUP))
                .flatMap(accounts::byId)
                .filter(row -> row.status() == AccountStatus.INVITED)
                .map(row -> new Invitee(row.id(), row.email(), row.displayName()));
    }

    /** The person behind an invitation link, as shown on the page where they set their password. */
    public record Invitee(long id, String email, String displayName) {}

    /**
     * Accepts an invitation: the password is checked, the link used up, the account activated.
     * Throws {@link Refused} for a password the policy refuses and {@link NotFound} when the link no
     * longer works; nothing changes then.
     */
    @Transactional
    public void acceptInvitation(NewPasswordForm form, Locale locale) {
        String token = form.tokenText();
        Invitee person = invitee(token).orElseThrow(() -> new NotFound("invitation", "link"));
        Optional<PasswordPolicy.Refusal> refusal =
                policy.check(form.password(), person.displayName(), person.email(), locale);
        if (refusal.isPresent()) {
            throw Refused.field("password", refusal.get().key());
        }
        long id = tokens.consume(token, AccountTokens.Purpose.INVITATION)
                .or(() -> tokens.consume(token, AccountTokens.Purpose.SETUP))
                .orElseThrow(() -> new NotFound("invitation", "link"));
        accounts.setPassword(id, passwords.encode(form.password()));
        accounts.setStatus(id, AccountStatus.ACTIVE);
        audit.record(
                id,
                person.email(),
                AccountAction.INVITATION_ACCEPTED,
                "account",
                id,
                Map.of("status", AccountStatus.INVITED.name()),
                Map.of("status", AccountStatus.ACTIVE.name()));
        notices.accepted(id, person.displayName());
    }

    /** Whether the policy refuses the invitee's password, and why; empty also when the link does not work. */
    @Transactional(readOnly = true)
    public Optional<PasswordPolicy.Refusal> passwordRefusal(NewPasswordForm form, Locale locale) {
        return invitee(form.tokenText())
                .flatMap(person -> policy.check(form.password(), person.displayName(), person.email(), locale));
    }

    /** Why the form's password was refused, in the reader's language, for showing beside the field. */
    @Transactional(readOnly = true)
    public Optional<String> passwordAdvice(NewPasswordForm form, Locale locale) {
        return invitee(form.tokenText())
                .flatMap(person -> policy.check(form.password(), person.displayName(), person.email(), locale))
                .map(PasswordPolicy.Refusal::detail);
    }

    /** Ends every session of the person, e.g. when their account is deactivated. */
    public int endSessions(long accountId) {
        return sessions.endAll(accountId);
    }
}
