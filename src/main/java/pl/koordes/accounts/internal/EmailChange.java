package pl.koordes.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.accounts.AccountAction;
import pl.koordes.accounts.AccountStatus;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.mail.Mailer;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;

/**
 * Changing the account's address, which counts only once proven: the request sends a link to the new
 * address and tells the old one; the address changes when the link is followed, and the old address then
 * gets a link that undoes the change and lets its owner set a new password. A requested address reserves
 * nothing, and the page never tells whether another account has it (that account's owner is told instead).
 */
@Service
public class EmailChange {

    /** How long the link sent to the new address works. */
    static final Duration CONFIRMATION_VALIDITY = Duration.ofHours(24);

    /** How long the owner of the old address can take the account back. */
    static final Duration UNDO_VALIDITY = Duration.ofDays(14);

    /** What a link is about, for the page that asks to confirm it. */
    public record Pending(String address) {}

    /** A confirmed change: whose address it is now. */
    public record Confirmed(long accountId, String address) {}

    private final Accounts accounts;
    private final AccountTokens tokens;
    private final PasswordEncoder passwords;
    private final Mailer mailer;
    private final AuditLog audit;
    private final CredentialChanges credentials;
    private final Sessions sessions;
    private final PasswordReset reset;
    private final JdbcClient jdbc;
    private final Clock clock;

    EmailChange(
            Accounts accounts,
            AccountTokens tokens,
            PasswordEncoder passwords,
            Mailer mailer,
            AuditLog audit,
            CredentialChanges credentials,
            Sessions sessions,
            PasswordReset reset,
            JdbcClient jdbc,
            Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwords = passwords;
        this.mailer = mailer;
        this.audit = audit;
        this.credentials = credentials;
        this.sessions = sessions;
        this.reset = reset;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Sends the confirmation link to the new address (or, if another account has it, a warning to that
     * account's owner: the same work, the same answer) and tells the old address. Nothing changes yet.
     *
     * @throws Refused for a wrong current password or the account's own address
     */
    @Transactional
    public void request(long id, EmailChangeForm form) {
        Accounts.Row row = accounts.byId(id).orElseThrow(() -> new NotFound("account", id));
        if (row.passwordHash() == null
                || form.currentPasswordEmail() == null
                || !passwords.matches(form.currentPasswordEmail(), row.passwordHash())) {
            throw Refused.field("currentPasswordEmail", "profile.currentPassword.wrong");
        }
        String address = form.newEmail() == null ? "" : form.newEmail();
        if (Accounts.normalize(address).equals(Accounts.normalize(row.email()))) {
            throw Refused.field("newEmail", "profile.email.same");
        }
        var language = Language.fromCode(row.language()).locale();
        Optional<Accounts.Row> owner =
                accounts.byEmail(address).filter(other -> other.status() != AccountStatus.INVITED);
        if (owner.isPresent()) {
            mailer.send(
                    owner.get().email(),
                    Language.fromCode(owner.get().language()).locale(),
                    "accounts/mail/emailTaken",
                    Map.of("name", owner.get().displayName()));
        } else {
            String token = tokens.issue(id, AccountTokens.Purpose.EMAIL_CHANGE, CONFIRMATION_VALIDITY, address);
            mailer.send(
                    address,
                    language,
                    "accounts/mail/emailChangeConfirm",
                    Map.of(
                            "name",
                            row.displayName(),
                            "path",
                            "/adres/potwierdz?token=" + token,
                            "hours",
                            CONFIRMATION_VALIDITY.toHours()));
        }
        mailer.send(
                row.email(),
                language,
                "accounts/mail/emailChangeRequested",
                Map.of("name", row.displayName(), "address", address));
        audit.record(
                id,
                row.email(),
                AccountAction.EMAIL_CHANGE_REQUESTED,
                "account",
                id,
                Map.of("email", row.email()),
                Map.of("email", address));
    }

    /** The new address a confirmation link is for, while the link works. */
    @Transactional(readOnly = true)
    public Optional<Pending> pendingChange(String token) {
        return tokens.peekWithAddress(token, AccountTokens.Purpose.EMAIL_CHANGE)
                .filter(used -> used.address() != null)
                .map(used -> new Pending(String.valueOf(used.address())));
    }

    /** The address an undo link puts back, while the link works. */
    @Transactional(readOnly = true)
    public Optional<Pending> pendingUndo(String token) {
        return tokens.peekWithAddress(token, AccountTokens.Purpose.EMAIL_CHANGE_UNDO)
                .filter(used -> used.address() != null)
                .map(used -> new Pending(String.valueOf(used.address())));
    }

    /**
     * Makes the proven address the account's: other sessions and earlier links end, and the old address
     * gets the undo link.
     *
     * @throws NotFound when the link no longer works
     * @throws Refused (conflict) when an active account took the address in the meantime
     */
    @Transactional
    public Confirmed confirm(String token) {
        AccountTokens.Used used = tokens.consumeWithAddress(token, AccountTokens.Purpose.EMAIL_CHANGE)
                .orElseThrow(() -> new NotFound("e-mail change", "link"));
        Accounts.Row row = accounts.byId(used.accountId())
                .filter(account -> account.status() == AccountStatus.ACTIVE)
                .orElseThrow(() -> new NotFound("e-mail change", "link"));
        String address = String.valueOf(used.address());
        takeOver(row.id(), address);
        setEmail(row.id(), address);
        credentials.secure(row.id());
        String undo = tokens.issue(row.id(), AccountTokens.Purpose.EMAIL_CHANGE_UNDO, UNDO_VALIDITY, row.email());
        mailer.send(
                row.email(),
                Language.fromCode(row.language()).locale(),
                "accounts/mail/emailChanged",
                Map.of(
                        "name",
                        row.displayName(),
                        "address",
                        address,
                        "when",
                        Formats.dateTime(clock.instant()),
                        "path",
                        "/adres/cofnij?token=" + undo,
                        "days",
                        UNDO_VALIDITY.toDays()));
        audit.record(
                row.id(),
                address,
                AccountAction.EMAIL_CHANGED,
                "account",
                row.id(),
                Map.of("email", row.email()),
                Map.of("email", address));
        return new Confirmed(row.id(), address);
    }

    /**
     * Puts the old address back after a change its owner did not make: every session ends, every link
     * (other undo links too) stops working, and the returned path sets a new password at once, since the
     * person has just proven the address.
     *
     * @throws NotFound when the link no longer works
     * @throws Refused (conflict) when another account took the old address in the meantime
     */
    @Transactional
    public String undo(String token) {
        AccountTokens.Used used = tokens.consumeWithAddress(token, AccountTokens.Purpose.EMAIL_CHANGE_UNDO)
                .orElseThrow(() -> new NotFound("e-mail change undo", "link"));
        Accounts.Row row = accounts.byId(used.accountId())
                .filter(account -> account.status() == AccountStatus.ACTIVE)
                .orElseThrow(() -> new NotFound("e-mail change undo", "link"));
        String address = String.valueOf(used.address());
        takeOver(row.id(), address);
        setEmail(row.id(), address);
        tokens.revokeAll(row.id(), true);
        sessions.endAll(row.id());
        audit.record(
                row.id(),
                address,
                AccountAction.EMAIL_CHANGE_UNDONE,
                "account",
                row.id(),
                Map.of("email", row.email()),
                Map.of("email", address));
        return "/haslo/nowe?token=" + reset.issueLink(row.id());
    }

    /**
     * An address proven by its owner beats a self-registration that was never confirmed; an account in use
     * (or an administrator's pending invitation) keeps its address.
     */
    private void takeOver(long id, String address) {
        accounts.releaseUnconfirmedRegistration(address)
                .ifPresent(released -> audit.record(
                        id, address, AccountAction.UNCONFIRMED_ACCOUNT_RELEASED, "account", released, null, null));
        if (accounts.byEmail(address).filter(other -> other.id() != id).isPresent()) {
            throw Refused.conflict("profile.email.taken");
        }
    }

    private void setEmail(long id, @Nullable String address) {
        jdbc.sql("update account set email = :email, updated_at = now() where id = :id")
                .param("email", address)
                .param("id", id)
                .update();
    }
}
