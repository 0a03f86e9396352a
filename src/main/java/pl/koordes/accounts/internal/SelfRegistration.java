package pl.koordes.accounts.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
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
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;

/**
 * Self-registration of participants: the account exists at once but works only after the person
 * confirms their e-mail by a single-use link. An address already in use gets a warning mail instead,
 * so the page never tells a stranger whether an address has an account; and since both are done after
 * the answer (see {@link RegistrationRequested}), neither does the time the answer takes.
 */
@Service
public class SelfRegistration {

    /** How long the confirmation link works. */
    static final Duration VERIFICATION_VALIDITY = Duration.ofDays(2);

    /** Kept stable in the event publication table: renaming the method must not orphan queued registrations. */
    static final String LISTENER_ID = "accounts.self-registration";

    private final Accounts accounts;
    private final AccountTokens tokens;
    private final Mailer mailer;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final OnceOnly onceOnly;

    SelfRegistration(
            Accounts accounts,
            AccountTokens tokens,
            Mailer mailer,
            PasswordEncoder passwordEncoder,
            PasswordPolicy policy,
            AuditLog audit,
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
    }

    /**
     * Takes the registration: checks the password against the policy (throws {@link Refused}, the policy says
     * why, with advice for the form), hashes it and queues {@link RegistrationRequested}; the account is
     * created, or the owner of a taken address warned, after the answer ({@link #on}). Both cases cost the
     * request the same work (one hash, one insert into the publication registry), so neither the answer nor
     * its time tells a stranger whether an address has an account.
     */
    @Transactional
    public void register(SelfRegistrationForm form, Locale locale) {
        String name = text(form.displayName());
        String address = text(form.email());
        Optional<PasswordPolicy.Refusal> refusal = policy.check(form.password(), name, address, locale);
        if (refusal.isPresent()) {
            throw Refused.field("password", refusal.get().key());
        }
        events.publishEvent(new RegistrationRequested(
                name,
                address,
                passwords.encode(form.password()),
                Language.of(locale).code()));
    }

    /**
     * Creates the account and sends the confirmation link, or, for an address already in use, the warning
     * mail. Runs after the registration's transaction commits, kept in the publication registry until done.
     */
    @ApplicationModuleListener(id = LISTENER_ID)
    void on(RegistrationRequested request) {
        if (!onceOnly.first(LISTENER_ID, request.id())) {
            return;
        }
        String address = request.email();
        Locale locale = Language.fromCode(request.language()).locale();
        // A registration never confirmed reserves nothing: a new one replaces it (only a link followed counts,
        // so whoever registered first with someone else's address gains nothing and blocks nobody).
        accounts.releaseUnconfirmedRegistration(address)
                .ifPresent(released -> audit.record(
                        null, address, AccountAction.UNCONFIRMED_ACCOUNT_RELEASED, "account", released, null, null));
        Optional<Accounts.Row> existing = accounts.byEmail(address);
        if (existing.isPresent()) {
            mailer.send(
                    existing.get().email(),
                    Language.fromCode(existing.get().language()).locale(),
                    "accounts/mail/alreadyRegistered",
                    Map.of("name", existing.get().displayName()));
            audit.record(
                    existing.get().id(),
                    existing.get().email(),
                    AccountAction.REGISTRATION_FOR_EXISTING_EMAIL,
                    "account",
                    existing.get().id(),
                    null,
                    null);
            return;
        }
        long id = accounts.create(
                address, request.displayName(), AccountStatus.INVITED, request.passwordHash(), request.language());
        accounts.grant(id, new RoleAssignment(Role.PARTICIPANT, null));
        String token = tokens.issue(id, AccountTokens.Purpose.EMAIL_VERIFICATION, VERIFICATION_VALIDITY);
        mailer.send(
                address,
                locale,
                "accounts/mail/verifyEmail",
                Map.of(
                        "name",
                        request.displayName(),
                        "path",
                        "/rejestracja/potwierdz?token=" + token,
                        "hours",
                        VERIFICATION_VALIDITY.toHours()));
        audit.record(
                id, address, AccountAction.REGISTERED, "account", id, null, Map.of("role", Role.PARTICIPANT.name()));
    }

    /** Whether the policy refuses the form's password, and why. */
    public Optional<PasswordPolicy.Refusal> passwordRefusal(SelfRegistrationForm form, Locale locale) {
        return policy.check(form.password(), text(form.displayName()), text(form.email()), locale);
    }

    /** Why the form's password was refused, in the reader's language, for showing beside the field. */
    public Optional<String> passwordAdvice(SelfRegistrationForm form, Locale locale) {
        return policy.check(form.password(), text(form.displayName()), text(form.email()), locale)
                .map(PasswordPolicy.Refusal::detail);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    /** Whether a verification link still works, for the page that asks for the click that confirms. */
    @Transactional(readOnly = true)
    public boolean confirmable(String token) {
        return tokens.holder(token, AccountTokens.Purpose.EMAIL_VERIFICATION, AccountStatus.INVITED)
                .isPresent();
    }

    /** Confirms the e-mail address: the account becomes active. False when the link no longer works. */
    @Transactional
    public boolean confirm(String token) {
        Optional<Long> id = tokens.consume(token, AccountTokens.Purpose.EMAIL_VERIFICATION);
        if (id.isEmpty()) {
            return false;
        }
        Accounts.Row row = accounts.byId(id.get()).orElseThrow();
        if (row.status() != AccountStatus.INVITED) {
            return false;
        }
        accounts.setStatus(row.id(), AccountStatus.ACTIVE);
        audit.record(
                row.id(),
                row.email(),
                AccountAction.EMAIL_VERIFIED,
                "account",
                row.id(),
                Map.of("status", "INVITED"),
                Map.of("status", "ACTIVE"));
        return true;
    }
}
