package pl.koordes.accounts.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.accounts.AccountAction;
import pl.koordes.accounts.AccountStatus;
import pl.koordes.shared.cluster.OnceOnly;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.mail.Mailer;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;

/**
 * Resetting a forgotten password by a single-use, expiring link sent by e-mail. Asking for a link
 * gives the same answer whether the address is known or not.
 */
@Service
public class PasswordReset {

    /** Kept stable in the event publication table: renaming the method must not orphan queued requests. */
    static final String LISTENER_ID = "accounts.password-reset-request";

    private final Accounts accounts;
    private final AccountTokens tokens;
    private final Mailer mailer;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final AuditLog audit;
    private final Sessions sessions;
    private final AccountsProperties properties;
    private final CredentialChanges credentials;
    private final ApplicationEventPublisher events;
    private final OnceOnly onceOnly;

    PasswordReset(
            Accounts accounts,
            AccountTokens tokens,
            Mailer mailer,
            PasswordEncoder passwordEncoder,
            PasswordPolicy policy,
            AuditLog audit,
            Sessions sessions,
            AccountsProperties properties,
            CredentialChanges credentials,
            ApplicationEventPublisher events,
            OnceOnly onceOnly) {
        this.events = events;
        this.onceOnly = onceOnly;
        this.accounts = accounts;
        this.tokens = tokens;
        this.mailer = mailer;
        this.passwords = passwordEncoder;
        this.policy = policy;
        this.audit = audit;
        this.sessions = sessions;
        this.properties = properties;
        this.credentials = credentials;
    }

    /** A reset link for a person who has just proven their address another way (see {@link EmailChange#undo}). */
    String issueLink(long accountId) {
        return tokens.issue(accountId, AccountTokens.Purpose.PASSWORD_RESET, properties.passwordResetValidity());
    }

    /**
     * Queues the request ({@link PasswordResetRequested}); the link is sent after the answer, by {@link #on}.
     * The request costs the same (one insert into the publication registry) whether the address is known
     * or not, so its time tells nothing.
     */
    @Transactional
    public void requestLink(String email) {
        events.publishEvent(new PasswordResetRequested(email));
    }

    /** Sends a reset link to an active account with this address; does nothing visible otherwise. */
    @ApplicationModuleListener(id = LISTENER_ID)
    void on(PasswordResetRequested request) {
        if (!onceOnly.first(LISTENER_ID, request.id())) {
            return;
        }
        String email = request.email();
        Optional<Accounts.Row> account = accounts.byEmail(email).filter(row -> row.status() == AccountStatus.ACTIVE);
        if (account.isEmpty()) {
            audit.record(
                    null, truncate(email), AccountAction.PASSWORD_RESET_UNKNOWN_EMAIL, "account", null, null, null);
            return;
        }
        Accounts.Row row = account.get();
        String token = tokens.issue(row.id(), AccountTokens.Purpose.PASSWORD_RESET, properties.passwordResetValidity());
        mailer.send(
                row.email(),
                Language.fromCode(row.language()).locale(),
                "accounts/mail/passwordReset",
                Map.of(
                        "name", row.displayName(),
                        "path", "/haslo/nowe?token=" + token,
                        "minutes", properties.passwordResetValidity().toMinutes()));
        audit.record(row.id(), row.email(), AccountAction.PASSWORD_RESET_REQUESTED, "account", row.id(), null, null);
    }

    /** Whether a reset link still works (to show the form or the "link no longer works" page). */
    @Transactional(readOnly = true)
    public boolean linkValid(String token) {
        return tokens.holder(token, AccountTokens.Purpose.PASSWORD_RESET, AccountStatus.ACTIVE)
                .isPresent();
    }

    /**
     * Sets the new password if it is acceptable and the link still works; every session of the person
     * ends. Throws {@link Refused} for a password the policy refuses and {@link NotFound} when the link
     * no longer works.
     */
    @Transactional
    public void reset(NewPasswordForm form, Locale locale) {
        String token = form.tokenText();
        Accounts.Row row = tokens.holder(token, AccountTokens.Purpose.PASSWORD_RESET, AccountStatus.ACTIVE)
                .orElseThrow(() -> new NotFound("password reset", "link"));
        Optional<PasswordPolicy.Refusal> refusal =
                policy.check(form.password(), row.displayName(), row.email(), locale);
        if (refusal.isPresent()) {
            throw Refused.field("password", refusal.get().key());
        }
        if (tokens.consume(token, AccountTokens.Purpose.PASSWORD_RESET).isEmpty()) {
            throw new NotFound("password reset", "link");
        }
        accounts.setPassword(row.id(), passwords.encode(form.password()));
        // Whoever was signed in, the resetting browser included (it is not signed in), is signed out.
        sessions.endAll(row.id());
        credentials.changed(row, AccountAction.PASSWORD_RESET);
        audit.record(row.id(), row.email(), AccountAction.PASSWORD_RESET, "account", row.id(), null, null);
    }

    /** Whether the policy refuses the new password, and why; empty also when the link does not work. */
    @Transactional(readOnly = true)
    public Optional<PasswordPolicy.Refusal> passwordRefusal(NewPasswordForm form, Locale locale) {
        return tokens.peek(form.tokenText(), AccountTokens.Purpose.PASSWORD_RESET)
                .flatMap(accounts::byId)
                .flatMap(row -> policy.check(form.password(), row.displayName(), row.email(), locale));
    }

    /** Why the form's password was refused, in the reader's language, for showing beside the field. */
    @Transactional(readOnly = true)
    public Optional<String> passwordAdvice(NewPasswordForm form, Locale locale) {
        return tokens.peek(form.tokenText(), AccountTokens.Purpose.PASSWORD_RESET)
                .flatMap(accounts::byId)
                .flatMap(row -> policy.check(form.password(), row.displayName(), row.email(), locale))
                .map(PasswordPolicy.Refusal::detail);
    }

    private static String truncate(String value) {
        String text = String.valueOf(value);
        return text.length() > 254 ? text.substring(0, 254) : text;
    }
}
