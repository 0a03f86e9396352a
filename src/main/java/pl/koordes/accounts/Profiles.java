package pl.koordes.accounts;

import pl.koordes.shared.mail.EmailAddresses;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.RoleAssignment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.accounts.internal.Accounts;
import pl.koordes.accounts.internal.SecondFactor;
import pl.koordes.accounts.internal.Sessions;

/**
 * What people change about themselves: name, language, notifications, e-mail, password and second
 * factor (the last three only with the current password), and their rights under the GDPR: a copy
 * of their data and erasure.
 */
@Service
public class Profiles {

    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final SecondFactor secondFactor;
    private final Sessions sessions;
    private final AuditLog audit;
    private final AccountsProperties properties;

    Profiles(Accounts accounts, JdbcClient jdbc, PasswordEncoder passwordEncoder, PasswordPolicy policy,
            SecondFactor secondFactor, Sessions sessions, AuditLog audit, AccountsProperties properties) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.passwords = passwordEncoder;
        this.policy = policy;
        this.secondFactor = secondFactor;
        this.sessions = sessions;
        this.audit = audit;
        this.properties = properties;
    }

    /** A person's own view of their account. */
    public record Profile(long id, String email, String displayName, String language, boolean notificationsEnabled,
            boolean secondFactorEnabled, boolean secondFactorRequired, List<RoleAssignment> roles) {
    }

    @Transactional(readOnly = true)
    public Profile profile(long id) {
        Accounts.Row row = accounts.byId(id).orElseThrow();
        CurrentUser user = accounts.currentUser(row);
        return new Profile(row.id(), row.email(), row.displayName(), row.language(), row.notificationsEnabled(),
                row.totpEnabled(), properties.secondFactorRequired(user), user.roles());
    }

    /** Name, language and notification e-mails; returns the field errors as message keys, empty when saved. */
    @Transactional
    public Map<String, String> updateDetails(long id, String displayName, String language, boolean notifications) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty()) {
            errors.put("displayName", "profile.name.required");
        } else if (name.length() > 200) {
            errors.put("displayName", "profile.name.tooLong");
        }
        String lang = "en".equals(language) ? "en" : "pl";
        if (!errors.isEmpty()) {
            return errors;
        }
        Accounts.Row before = accounts.byId(id).orElseThrow();
        jdbc.sql("update account set display_name = :name, language = :lang, notifications_enabled = :notify, updated_at = now() where id = :id")
                .param("name", name).param("lang", lang).param("notify", notifications).param("id", id).update();
        audit.record(id, before.email(), AccountAction.PROFILE_UPDATED, "account", id,
                Map.of("displayName", before.displayName(), "language", before.language(), "notifications", before.notificationsEnabled()),
                Map.of("displayName", name, "language", lang, "notifications", notifications));
        return Map.of();
    }

    @Transactional
    public Map<String, String> changeEmail(long id, String currentPassword, String newEmail) {
        Accounts.Row row = accounts.byId(id).orElseThrow();
        if (!currentPasswordMatches(row, currentPassword)) {
            return Map.of("currentPasswordEmail", "profile.currentPassword.wrong");
        }
        String email = newEmail == null ? "" : newEmail.strip();
        if (!EmailAddresses.valid(email)) {
            return Map.of("newEmail", "profile.email.invalid");
        }
        Optional<Accounts.Row> other = accounts.byEmail(email);
        if (other.isPresent() && other.get().id() != id) {
            return Map.of("newEmail", "profile.email.taken");
        }
        jdbc.sql("update account set email = :email, updated_at = now() where id = :id").param("email", email).param("id", id).update();
        audit.record(id, row.email(), AccountAction.EMAIL_CHANGED, "account", id, Map.of("email", row.email()), Map.of("email", email));
        return Map.of();
    }

    /** Changes the password; the person's other sessions end, the current one stays. */
    @Transactional
    public Map<String, String> changePassword(long id, String currentPassword, String newPassword, String repeated,
            Locale locale) {
        Accounts.Row row = accounts.byId(id).orElseThrow();
        if (!currentPasswordMatches(row, currentPassword)) {
            return Map.of("currentPassword", "profile.currentPassword.wrong");
        }
        if (!String.valueOf(newPassword).equals(repeated)) {
            return Map.of("passwordRepeated", "password.mismatch");
        }
        Optional<PasswordPolicy.Refusal> refusal = policy.check(newPassword, row.displayName(), row.email(), locale);
        if (refusal.isPresent()) {
            return Map.of("newPassword", refusal.get().key());
        }
        accounts.setPassword(id, passwords.encode(newPassword));
        audit.record(id, row.email(), AccountAction.PASSWORD_CHANGED, "account", id, null, null);
        return Map.of();
    }

    /** Why a new password was refused, in the reader's language, for showing beside the field. */
    public Optional<String> passwordAdvice(long id, String newPassword, Locale locale) {
        Accounts.Row row = accounts.byId(id).orElseThrow();
        return policy.check(newPassword, row.displayName(), row.email(), locale).map(PasswordPolicy.Refusal::detail);
    }

    public String newSecondFactorSecret() {
        return secondFactor.newSecret();
    }

    public String qrCode(String email, String secret) {
        return secondFactor.qrCode(email, secret);
    }

    /** Turns the second factor on once the person proves the app works; returns recovery codes or the error key. */
    @Transactional
    public Result<List<String>> enableSecondFactor(long id, String currentPassword, String secret, String code) {
        Accounts.Row row = accounts.byId(id).orElseThrow();
        if (!currentPasswordMatches(row, currentPassword)) {
            return Result.failed("currentPasswordTotp", "profile.currentPassword.wrong");
        }
        if (secret == null || !secondFactor.verify(secret, code)) {
            return Result.failed("code", "secondFactor.invalid");
        }
        accounts.setSecondFactor(id, secret, true);
        audit.record(id, row.email(), AccountAction.SECOND_FACTOR_ENROLLED, "account", id, Map.of("secondFactor", false), Map.of("secondFactor", true));
        return Result.ok(secondFactor.newRecoveryCodes(id));
    }

    @Transactional
    public Map<String, String> disableSecondFactor(long id, String currentPassword) {
        Accounts.Row row = accounts.byId(id).orElseThrow();
        if (!currentPasswordMatches(row, currentPassword)) {
            return Map.of("currentPasswordTotp", "profile.currentPassword.wrong");
        }
        if (properties.secondFactorRequired(accounts.currentUser(row))) {
            return Map.of("currentPasswordTotp", "profile.secondFactor.required");
        }
        accounts.setSecondFactor(id, null, false);
        jdbc.sql("delete from recovery_code where account_id = :id").param("id", id).update();
        audit.record(id, row.email(), AccountAction.SECOND_FACTOR_DISABLED, "account", id, Map.of("secondFactor", true), Map.of("secondFactor", false));
        return Map.of();
    }

    @Transactional
    public Result<List<String>> newRecoveryCodes(long id, String currentPassword) {
        Accounts.Row row = accounts.byId(id).orElseThrow();
        if (!currentPasswordMatches(row, currentPassword) || !row.totpEnabled()) {
            return Result.failed("currentPasswordTotp", "profile.currentPassword.wrong");
        }
        audit.record(id, row.email(), AccountAction.RECOVERY_CODES_RENEWED, "account", id, null, null);
        return Result.ok(secondFactor.newRecoveryCodes(id));
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
        account.put("notificationsEnabled", row.notificationsEnabled());
        account.put("secondFactorEnabled", row.totpEnabled());
        account.put("createdAt", row.createdAt().toString());
        account.put("lastSignInAt", row.lastSignInAt() == null ? null : row.lastSignInAt().toString());
        data.put("account", account);
        data.put("roles", accounts.roles(id).stream().map(r -> {
            Map<String, Object> role = new LinkedHashMap<>();
            role.put("role", r.role().name());
            role.put("regionId", r.regionId());
            return role;
        }).toList());
        data.put("activity", jdbc.sql("""
                        select occurred_at, action, target_type, target_id, client_address from audit_entry
                        where actor_id = :id or (target_type = 'account' and target_id = :idText)
                        order by occurred_at
                        """)
                .param("id", id).param("idText", Long.toString(id))
                .query((rs, n) -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("at", rs.getObject("occurred_at", java.time.OffsetDateTime.class).toString());
                    entry.put("action", rs.getString("action"));
                    entry.put("targetType", rs.getString("target_type"));
                    entry.put("targetId", rs.getString("target_id"));
                    entry.put("clientAddress", rs.getString("client_address"));
                    return entry;
                }).list());
        return data;
    }

    /**
     * Erases the account: personal data removed, roles, tokens and codes deleted, every session ended;
     * audit entries stay, with the person's e-mail and name taken out of them.
     */
    @Transactional
    public boolean delete(long id, String currentPassword) {
        Accounts.Row row = accounts.byId(id).orElseThrow();
        if (!currentPasswordMatches(row, currentPassword)) {
            return false;
        }
        String placeholder = "deleted-" + id + "@deleted.invalid";
        jdbc.sql("""
                        update account set email = :placeholder, display_name = '', password_hash = null, totp_secret = null,
                               totp_enabled = false, status = 'DELETED', notifications_enabled = false, updated_at = now()
                        where id = :id
                        """).param("placeholder", placeholder).param("id", id).update();
        jdbc.sql("delete from role_assignment where account_id = :id").param("id", id).update();
        jdbc.sql("delete from account_token where account_id = :id").param("id", id).update();
        jdbc.sql("delete from recovery_code where account_id = :id").param("id", id).update();
        for (String personal : List.of(row.email(), row.displayName())) {
            if (personal.isBlank()) {
                continue;
            }
            jdbc.sql("""
                            update audit_entry set
                                actor_label = case when actor_label = :value then null else actor_label end,
                                before_value = cast(replace(before_value::text, :json, '"[usunięto]"') as jsonb),
                                after_value = cast(replace(after_value::text, :json, '"[usunięto]"') as jsonb)
                            where actor_id = :id or actor_label = :value or before_value::text like :like or after_value::text like :like
                            """)
                    .param("value", personal).param("json", jsonString(personal)).param("id", id)
                    .param("like", "%" + jsonString(personal).replace("%", "\\%").replace("_", "\\_") + "%")
                    .update();
        }
        audit.record(null, null, AccountAction.ACCOUNT_DELETED, "account", id, null, null);
        sessions.endAll(id);
        return true;
    }

    private boolean currentPasswordMatches(Accounts.Row row, String password) {
        return row.passwordHash() != null && password != null && passwords.matches(password, row.passwordHash());
    }

    private static String jsonString(String value) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(value);
    }

    /**
     * The outcome of a change that gives something back.
     *
     * @param errors field → message key; empty on success
     */
    public record Result<T>(T value, Map<String, String> errors) {

        static <T> Result<T> ok(T value) {
            return new Result<>(value, Map.of());
        }

        static <T> Result<T> failed(String field, String key) {
            return new Result<>(null, Map.of(field, key));
        }

        public boolean succeeded() {
            return errors.isEmpty();
        }
    }
}
