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
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.mail.Mailer;

/**
 * Resetting a forgotten password by a single-use, expiring link sent by e-mail. Asking for a link
 * gives the same answer whether the address is known or not.
 */
@Service
public class PasswordReset {

    private final Accounts accounts;
    private final Tokens tokens;
    private final Mailer mailer;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final AuditLog audit;
    private final Sessions sessions;
    private final AccountsProperties properties;

    PasswordReset(Accounts accounts, Tokens tokens, Mailer mailer, PasswordEncoder passwordEncoder, PasswordPolicy policy,
            AuditLog audit, Sessions sessions, AccountsProperties properties) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.mailer = mailer;
        this.passwords = passwordEncoder;
        this.policy = policy;
        this.audit = audit;
        this.sessions = sessions;
        this.properties = properties;
    }

    /** Sends a reset link to an active account with this address; does nothing visible otherwise. */
    @Transactional
    public void requestLink(String email) {
        Optional<Accounts.Row> account = accounts.byEmail(email).filter(row -> row.status() == AccountStatus.ACTIVE);
        if (account.isEmpty()) {
            audit.record(null, truncate(email), AccountAction.PASSWORD_RESET_UNKNOWN_EMAIL, "account", null, null, null);
            return;
        }
        Accounts.Row row = account.get();
        String token = tokens.issue(row.id(), Tokens.Purpose.PASSWORD_RESET, properties.passwordResetValidity());
        mailer.send(row.email(), Language.fromCode(row.language()).locale(), "accounts/mail/passwordReset", Map.of(
                "name", row.displayName(),
                "path", "/haslo/nowe?token=" + token,
                "minutes", properties.passwordResetValidity().toMinutes()));
        audit.record(row.id(), row.email(), AccountAction.PASSWORD_RESET_REQUESTED, "account", row.id(), null, null);
    }

    /** Whether a reset link still works (to show the form or the "link no longer works" page). */
    @Transactional(readOnly = true)
    public boolean linkValid(String token) {
        return tokens.peek(token, Tokens.Purpose.PASSWORD_RESET).flatMap(accounts::byId)
                .filter(row -> row.status() == AccountStatus.ACTIVE).isPresent();
    }

    /** Sets the new password if it is acceptable and the link still works; every session of the person ends. */
    @Transactional
    public AccountManagement.AcceptResult reset(String token, String password, Locale locale) {
        Optional<Accounts.Row> account = tokens.peek(token, Tokens.Purpose.PASSWORD_RESET).flatMap(accounts::byId)
                .filter(row -> row.status() == AccountStatus.ACTIVE);
        if (account.isEmpty()) {
            return new AccountManagement.AcceptResult(false, true, null);
        }
        Accounts.Row row = account.get();
        Optional<PasswordPolicy.Refusal> refusal = policy.check(password, row.displayName(), row.email(), locale);
        if (refusal.isPresent()) {
            return new AccountManagement.AcceptResult(false, false, refusal.get());
        }
        if (tokens.consume(token, Tokens.Purpose.PASSWORD_RESET).isEmpty()) {
            return new AccountManagement.AcceptResult(false, true, null);
        }
        accounts.setPassword(row.id(), passwords.encode(password));
        sessions.endAll(row.id());
        audit.record(row.id(), row.email(), AccountAction.PASSWORD_RESET, "account", row.id(), null, null);
        return new AccountManagement.AcceptResult(true, false, null);
    }

    private static String truncate(String value) {
        String text = String.valueOf(value);
        return text.length() > 254 ? text.substring(0, 254) : text;
    }
}
