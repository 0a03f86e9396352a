package pl.koordes.accounts;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.accounts.internal.AccountDeletionForm;
import pl.koordes.accounts.internal.Accounts;
import pl.koordes.accounts.internal.AccountsProperties;
import pl.koordes.accounts.internal.AuditLog;
import pl.koordes.accounts.internal.CredentialChanges;
import pl.koordes.accounts.internal.PasswordChangeForm;
import pl.koordes.accounts.internal.PasswordPolicy;
import pl.koordes.accounts.internal.ProfileDetailsForm;
import pl.koordes.accounts.internal.SecondFactor;
import pl.koordes.accounts.internal.SecondFactorForm;
import pl.koordes.accounts.internal.Sessions;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.personaldata.PersonalData;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.RoleAssignment;
import pl.koordes.shared.security.SecureRandoms;
import tools.jackson.databind.json.JsonMapper;

/**
 * What people change about themselves: name, language, notifications, password and second factor (the
 * last two only with the current password; the address changes through {@code internal.EmailChange}), and their rights under the GDPR: a copy
 * of their data and erasure.
 */
@Service
public class Profiles {

    /** The longest display name, in characters. */
    public static final int NAME_MAX = 200;

    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final SecondFactor secondFactor;
    private final Sessions sessions;
    private final AuditLog audit;
    private final AccountsProperties properties;
    private final CredentialChanges credentials;
    private final List<PersonalData> personalData;

    Profiles(
            Accounts accounts,
            JdbcClient jdbc,
            PasswordEncoder passwordEncoder,
            PasswordPolicy policy,
            SecondFactor secondFactor,
            Sessions sessions,
            AuditLog audit,
            AccountsProperties properties,
            CredentialChanges credentials,
            List<PersonalData> personalData) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.passwords = passwordEncoder;
        this.policy = policy;
        this.secondFactor = secondFactor;
        this.sessions = sessions;
        this.audit = audit;
        this.properties = properties;
        this.credentials = credentials;
        this.personalData = personalData;
    }

    /** A person's own view of their account. */
    public record Profile(
            long id,
            String email,
            String displayName,
            String language,
            boolean secondFactorEnabled,
            boolean secondFactorRequired,
            List<RoleAssignment> roles) {}

    @Transactional(readOnly = true)
    public Profile profile(long id) {
        Accounts.Row row = accounts.byId(id).orElseThrow();
        CurrentUser user = accounts.currentUser(row);
        return new Profile(
                row.id(),
                row.email(),
                row.displayName(),
                row.language(),
                row.totpEnabled(),
                properties.secondFactorRequired(user),
                user.roles());
    }

    /**
     * Name and language, already checked by the form's annotations (how notifications arrive is chosen on the
     * notifications module's page, {@code /konto/powiadomienia}).
     */
    @Transactional
    public void updateDetails(long id, ProfileDetailsForm form) {
        String name = form.displayName() == null ? "" : form.displayName();
        String lang = form.languageCode();
        Accounts.Row before = accounts.byId(id).orElseThrow(() -> new NotFound("account", id));
        jdbc.sql("update account set display_name = :name, language = :lang, updated_at = now() where id = :id")
                .param("name", name)
                .param("lang", lang)
                .param("id", id)
                .update();
        audit.record(
                id,
                before.email(),
                AccountAction.PROFILE_UPDATED,
                "account",
                id,
                Map.of("displayName", before.displayName(), "language", before.language()),
                Map.of("displayName", name, "language", lang));
    }

    /**
     * Changes the password; the person's other sessions and outstanding links end, the current session
     * stays, and the person is told by e-mail.
     */
    @Transactional
    public void changePassword(long id, PasswordChangeForm form, Locale locale) {
        Accounts.Row row = accounts.byId(id).orElseThrow(() -> new NotFound("account", id));
        // Every reason at once: a wrong current password and a weak new one are both said.
        List<Refused.Reason> reasons = new ArrayList<>();
        if (!currentPasswordMatches(row, form.currentPassword())) {
            reasons.add(new Refused.Reason("currentPassword", "profile.currentPassword.wrong"));
        }
        policy.check(form.newPassword(), row.displayName(), row.email(), locale)
                .ifPresent(refusal -> reasons.add(new Refused.Reason("newPassword", refusal.key())));
        if (!reasons.isEmpty()) {
            throw Refused.all(reasons);
        }
        accounts.setPassword(id, passwords.encode(form.newPassword()));
        credentials.changed(row, AccountAction.PASSWORD_CHANGED);
        audit.record(id, row.email(), AccountAction.PASSWORD_CHANGED, "account", id, null, null);
    }

    /** Whether the policy refuses the password for this person, and why. */
    public Optional<PasswordPolicy.Refusal> passwordRefusal(long id, @Nullable String newPassword, Locale locale) {
        Accounts.Row row = accounts.byId(id).orElseThrow(() -> new NotFound("account", id));
        return policy.check(newPassword, row.displayName(), row.email(), locale);
    }

    /** Why a new password was refused, in the reader's language, for showing beside the field. */
    public Optional<String> passwordAdvice(long id, String newPassword, Locale locale) {
        Accounts.Row row = accounts.byId(id).orElseThrow(() -> new NotFound("account", id));
        return policy.check(newPassword, row.displayName(), row.email(), locale).map(PasswordPolicy.Refusal::detail);
    }

    public String newSecondFactorSecret() {
        return secondFactor.newSecret();
    }

    public String qrCode(String email, String secret) {
        return secondFactor.qrCode(email, secret);
    }

    /**
     * Turns the second factor on once the person proves the app works; returns the recovery codes.
     *
     * @param secret the secret shown while enrolling, or null when the enrolment page was never shown
     */
    @Transactional
    public List<String> enableSecondFactor(long id, SecondFactorForm form, @Nullable String secret) {
        Accounts.Row row = accounts.byId(id).orElseThrow(() -> new NotFound("account", id));
        if (!currentPasswordMatches(row, form.currentPasswordTotp())) {
            throw Refused.field("currentPasswordTotp", "profile.currentPassword.wrong");
        }
        if (secret == null || !secondFactor.verify(secret, form.code() == null ? "" : form.code())) {
            throw Refused.field("code", "secondFactor.invalid");
        }
        accounts.setSecondFactor(id, secret, true);
        credentials.changed(row, AccountAction.SECOND_FACTOR_ENROLLED);
        audit.record(
                id,
                row.email(),
                AccountAction.SECOND_FACTOR_ENROLLED,
                "account",
                id,
                Map.of("secondFactor", false),
                Map.of("secondFactor", true));
        return secondFactor.newRecoveryCodes(id);
    }

    @Transactional
    public void disableSecondFactor(long id, SecondFactorForm form) {
        Accounts.Row row = accounts.byId(id).orElseThrow(() -> new NotFound("account", id));
        if (!currentPasswordMatches(row, form.currentPasswordTotp())) {
            throw Refused.field("currentPasswordTotp", "profile.currentPassword.wrong");
        }
        if (properties.secondFactorRequired(accounts.currentUser(row))) {
            throw Refused.field("currentPasswordTotp", "profile.secondFactor.required");
        }
        accounts.setSecondFactor(id, null, false);
        jdbc.sql("delete from recovery_code where account_id = :id")
                .param("id", id)
                .update();
        credentials.changed(row, AccountAction.SECOND_FACTOR_DISABLED);
        audit.record(
                id,
                row.email(),
                AccountAction.SECOND_FACTOR_DISABLED,
                "account",
                id,
                Map.of("secondFactor", true),
                Map.of("secondFactor", false));
    }

    /** New recovery codes in place of the old ones. */
    @Transactional
    public List<String> newRecoveryCodes(long id, SecondFactorForm form) {
        Accounts.Row row = accounts.byId(id).orElseThrow(() -> new NotFound("account", id));
        if (!currentPasswordMatches(row, form.currentPasswordTotp()) || !row.totpEnabled()) {
            throw Refused.field("currentPasswordTotp", "profile.currentPassword.wrong");
        }
        audit.record(id, row.email(), AccountAction.RECOVERY_CODES_RENEWED, "account", id, null, null);
        return secondFactor.newRecoveryCodes(id);
    }

    /** Everything held about the person, for "download my data" (GDPR art. 15 and 20). */
    @Transactional(readOnly = true)
    public Map<String, Object> export(long id) {
        Accounts.Row row = accounts.byId(id).orElseThrow();
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("id", row.id());
        account.put("email", row.email());
        account.put("displayName", row.displayName());
        account.put("status", row.status().name());
        account.put("language", row.language());
        account.put("secondFactorEnabled", row.totpEnabled());
        account.put("createdAt", row.createdAt().toString());
        account.put(
                "lastSignInAt",
                row.lastSignInAt() == null ? null : row.lastSignInAt().toString());
        data.put("account", account);
        data.put(
                "roles",
                accounts.roles(id).stream()
                        .map(r -> {
                            Map<String, Object> role = new LinkedHashMap<>();
                            role.put("role", r.role().name());
                            role.put("regionId", r.regionId());
                            return role;
                        })
                        .toList());
        data.put(
                "activity",
                jdbc.sql("""
                        select occurred_at, action, target_type, target_id, client_address from audit_entry
                        where actor_id = :id or (target_type = 'account' and target_id = :idText)
                        order by occurred_at
                        """)
                        .param("id", id)
                        .param("idText", Long.toString(id))
                        .query((rs, n) -> {
                            Map<String, Object> entry = new LinkedHashMap<>();
                            entry.put(
                                    "at",
                                    rs.getObject("occurred_at", OffsetDateTime.class)
                                            .toString());
                            entry.put("action", rs.getString("action"));
                            entry.put("targetType", rs.getString("target_type"));
                            entry.put("targetId", rs.getString("target_id"));
                            entry.put("clientAddress", rs.getString("client_address"));
                            return entry;
                        })
                        .list());
        PersonalData.Person person = new PersonalData.Person(row.id(), row.email(), row.displayName());
        for (PersonalData module : personalData) {
            data.put(module.section(), module.export(person));
        }
        return data;
    }

    /**
     * Erases the account: personal data removed, roles, tokens and codes deleted, every session ended;
     * audit entries stay, with the person's e-mail and name taken out of them.
     */
    @Transactional
    public void delete(long id, AccountDeletionForm form) {
        Accounts.Row row = accounts.byId(id).orElseThrow(() -> new NotFound("account", id));
        if (!currentPasswordMatches(row, form.currentPasswordDelete())) {
            throw Refused.field("currentPasswordDelete", "profile.currentPassword.wrong");
        }
        // Every module's records first, while the person's address and name are still known.
        PersonalData.Person person = new PersonalData.Person(row.id(), row.email(), row.displayName());
        for (PersonalData module : personalData) {
            module.erase(person);
        }
        String pseudonym = pseudonym(erasureTag());
        String placeholder = "deleted-" + id + "@deleted.invalid";
        jdbc.sql("""
                        update account set email = :placeholder, display_name = '', password_hash = null, totp_secret = null,
                               totp_enabled = false, status = 'DELETED', updated_at = now()
                        where id = :id
                        """).param("placeholder", placeholder).param("id", id).update();
        jdbc.sql("delete from role_assignment where account_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("delete from account_token where account_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("delete from recovery_code where account_id = :id")
                .param("id", id)
                .update();
        // Every line the person acted in shows the pseudonym, whatever address they had then.
        jdbc.sql("update audit_entry set actor_label = :pseudonym where actor_id = :id")
                .param("pseudonym", pseudonym)
                .param("id", id)
                .update();
        for (String personal : List.of(row.email(), row.displayName())) {
            if (personal.isBlank()) {
                continue;
            }
            jdbc.sql("""
                            update audit_entry set
                                actor_label = case when actor_label = :value then :pseudonym else actor_label end,
                                before_value = cast(replace(before_value::text, :json, '"[usunięto]"') as jsonb),
                                after_value = cast(replace(after_value::text, :json, '"[usunięto]"') as jsonb)
                            where actor_label = :value or before_value::text like :like or after_value::text like :like
                            """)
                    .param("value", personal)
                    .param("pseudonym", pseudonym)
                    .param("json", jsonString(personal))
                    .param(
                            "like",
                            "%" + jsonString(personal).replace("%", "\\%").replace("_", "\\_") + "%")
                    .update();
        }
        // The person erased their own account: the line names them by the same pseudonym.
        audit.record(id, pseudonym, AccountAction.ACCOUNT_DELETED, "account", id, null, null);
        sessions.endAll(id);
    }

    private boolean currentPasswordMatches(Accounts.Row row, @Nullable String password) {
        return row.passwordHash() != null && password != null && passwords.matches(password, row.passwordHash());
    }

    /** How the audit log stores an erased person as the actor; the audit page shows it in the reader's language. */
    public static final String PSEUDONYM_PREFIX = "Osoba usunięta #";

    private static final SecureRandom RANDOM = SecureRandoms.perThread();

    /**
     * How an erased person's past actions are shown in the audit log: the same label on all their lines,
     * so that one person's actions stay recognisable as one person's, telling nothing about who it was.
     */
    public static String pseudonym(String tag) {
        return PSEUDONYM_PREFIX + tag;
    }

    /** Drawn at erasure and stored on the person's lines only: nothing links it back to the account. */
    private static String erasureTag() {
        byte[] bytes = new byte[3];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String jsonString(String value) {
        return JsonMapper.builder().build().writeValueAsString(value);
    }
}
