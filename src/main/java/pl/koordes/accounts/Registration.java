package pl.koordes.accounts;

import pl.koordes.shared.mail.EmailAddresses;
import pl.koordes.shared.security.RoleAssignment;
import pl.koordes.shared.security.Role;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.accounts.internal.Accounts;
import pl.koordes.accounts.internal.Tokens;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.mail.Mailer;

/**
 * Self-registration of participants: the account exists at once but works only after the person
 * confirms their e-mail by a single-use link. An address already in use gets a warning mail instead,
 * so the page never tells a stranger whether an address has an account.
 */
@Service
public class Registration {

    /** How long the confirmation link works. */
    static final Duration VERIFICATION_VALIDITY = Duration.ofDays(2);

    private final Accounts accounts;
    private final Tokens tokens;
    private final Mailer mailer;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final AuditLog audit;

    Registration(Accounts accounts, Tokens tokens, Mailer mailer, PasswordEncoder passwordEncoder, PasswordPolicy policy,
            AuditLog audit) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.mailer = mailer;
        this.passwords = passwordEncoder;
        this.policy = policy;
        this.audit = audit;
    }

    /** What the person typed; errors come back as field → message key, plus the estimator's advice. */
    public record Outcome(Map<String, String> errors, String passwordAdvice) {

        public boolean succeeded() {
            return errors.isEmpty();
        }
    }

    @Transactional
    public Outcome register(String displayName, String email, String password, String passwordRepeated, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = displayName == null ? "" : displayName.strip();
        String address = email == null ? "" : email.strip();
        if (name.isEmpty()) {
            errors.put("displayName", "profile.name.required");
        } else if (name.length() > 200) {
            errors.put("displayName", "profile.name.tooLong");
        }
        if (!EmailAddresses.valid(address)) {
            errors.put("email", "profile.email.invalid");
        }
        String advice = null;
        if (!String.valueOf(password).equals(passwordRepeated)) {
            errors.put("passwordRepeated", "password.mismatch");
        } else {
            Optional<PasswordPolicy.Refusal> refusal = policy.check(password, name, address, locale);
            if (refusal.isPresent()) {
                errors.put("password", refusal.get().key());
                advice = refusal.get().detail();
            }
        }
        if (!errors.isEmpty()) {
            return new Outcome(errors, advice);
        }
        String language = Language.of(locale).code();
        Optional<Accounts.Row> existing = accounts.byEmail(address);
        if (existing.isPresent()) {
            mailer.send(existing.get().email(), Language.fromCode(existing.get().language()).locale(),
                    "accounts/mail/alreadyRegistered", Map.of("name", existing.get().displayName()));
            audit.record(existing.get().id(), existing.get().email(), AccountAction.REGISTRATION_FOR_EXISTING_EMAIL, "account",
                    existing.get().id(), null, null);
            return new Outcome(Map.of(), null);
        }
        long id = accounts.create(address, name, AccountStatus.INVITED, passwords.encode(password), language);
        accounts.grant(id, new RoleAssignment(Role.PARTICIPANT, null));
        String token = tokens.issue(id, Tokens.Purpose.EMAIL_VERIFICATION, VERIFICATION_VALIDITY);
        mailer.send(address, locale, "accounts/mail/verifyEmail", Map.of(
                "name", name,
                "path", "/rejestracja/potwierdz?token=" + token,
                "hours", VERIFICATION_VALIDITY.toHours()));
        audit.record(id, address, AccountAction.REGISTERED, "account", id, null, Map.of("role", Role.PARTICIPANT.name()));
        return new Outcome(Map.of(), null);
    }

    /** Confirms the e-mail address: the account becomes active. False when the link no longer works. */
    @Transactional
    public boolean confirm(String token) {
        Optional<Long> id = tokens.consume(token, Tokens.Purpose.EMAIL_VERIFICATION);
        if (id.isEmpty()) {
            return false;
        }
        Accounts.Row row = accounts.byId(id.get()).orElseThrow();
        if (row.status() != AccountStatus.INVITED) {
            return false;
        }
        accounts.setStatus(row.id(), AccountStatus.ACTIVE);
        audit.record(row.id(), row.email(), AccountAction.EMAIL_VERIFIED, "account", row.id(), Map.of("status", "INVITED"),
                Map.of("status", "ACTIVE"));
        return true;
    }
}
