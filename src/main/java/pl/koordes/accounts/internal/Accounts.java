package pl.koordes.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import pl.koordes.accounts.AccountStatus;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;

/** Storage of accounts and their role assignments. */
@Repository
public class Accounts {

    private final JdbcClient jdbc;

    public Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An account row as stored. */
    public record Row(
            long id,
            String email,
            String displayName,
            @Nullable String passwordHash,
            AccountStatus status,
            String language,
            @Nullable String totpSecret,
            boolean totpEnabled,
            Instant createdAt,
            @Nullable Instant lastSignInAt) {}

    private static final String COLUMNS = "id, email, display_name, password_hash, status, language,"
            + " totp_secret, totp_enabled, created_at, last_sign_in_at";

    public Optional<Row> byEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from account where lower(email) = :email and status <> 'DELETED'")
                .param("email", normalize(email))
                .query(Accounts::row)
                .optional();
    }

    public Optional<Row> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from account where id = :id")
                .param("id", id)
                .query(Accounts::row)
                .optional();
    }

    public boolean any() {
        return jdbc.sql("select exists(select 1 from account)")
                .query(Boolean.class)
                .single();
    }

    public long create(
            String email, String displayName, AccountStatus status, @Nullable String passwordHash, String language) {
        return jdbc.sql("""
                        insert into account (email, display_name, status, password_hash, language)
                        values (:email, :name, :status, :hash, :language) returning id
                        """)
                .param("email", email.trim())
                .param("name", displayName.trim())
                .param("status", status.name())
                .param("hash", passwordHash)
                .param("language", language)
                .query(Long.class)
                .single();
    }

    public List<RoleAssignment> roles(long accountId) {
        return jdbc.sql("""
                        select role, region_id, institution_id from role_assignment where account_id = :id
                        order by role, region_id, institution_id
                        """)
                .param("id", accountId)
                .query((rs, n) ->
                        new RoleAssignment(Role.valueOf(rs.getString("role")), (Long) rs.getObject("region_id"), (Long)
                                rs.getObject("institution_id")))
                .list();
    }

    public void grant(long accountId, RoleAssignment role) {
        jdbc.sql("""
                        insert into role_assignment (account_id, role, region_id, institution_id)
                        values (:account, :role, :region, :institution)
                        on conflict do nothing
                        """)
                .param("account", accountId)
                .param("role", role.role().name())
                .param("region", role.regionId())
                .param("institution", role.institutionId())
                .update();
    }

    public void replaceRoles(long accountId, List<RoleAssignment> roles) {
        jdbc.sql("delete from role_assignment where account_id = :id")
                .param("id", accountId)
                .update();
        roles.forEach(role -> grant(accountId, role));
    }

    public void setPassword(long accountId, String passwordHash) {
        jdbc.sql("update account set password_hash = :hash, updated_at = now() where id = :id")
                .param("hash", passwordHash)
                .param("id", accountId)
                .update();
    }

    public void setStatus(long accountId, AccountStatus status) {
        jdbc.sql("update account set status = :status, updated_at = now() where id = :id")
                .param("status", status.name())
                .param("id", accountId)
                .update();
    }

    public void recordSignIn(long accountId) {
        jdbc.sql("update account set last_sign_in_at = now() where id = :id")
                .param("id", accountId)
                .update();
    }

    public void setSecondFactor(long accountId, @Nullable String secret, boolean enabled) {
        jdbc.sql("update account set totp_secret = :secret, totp_enabled = :enabled, updated_at = now() where id = :id")
                .param("secret", secret)
                .param("enabled", enabled)
                .param("id", accountId)
                .update();
    }

    public CurrentUser currentUser(Row row) {
        return new CurrentUser(row.id(), row.email(), row.displayName(), roles(row.id()), row.language());
    }

    public static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Creates an account unless one with the same e-mail (in any case) exists; the unique index decides,
     * so two requests at once cannot both succeed.
     */
    public Optional<Long> createIfAbsent(String email, String displayName, AccountStatus status, String language) {
        return jdbc.sql("""
                        insert into account (email, display_name, status, language)
                        values (:email, :name, :status, :language)
                        on conflict do nothing returning id
                        """)
                .param("email", email.trim())
                .param("name", displayName.trim())
                .param("status", status.name())
                .param("language", language)
                .query(Long.class)
                .optional();
    }

    /**
     * An unconfirmed address reserves nothing: a self-registration whose link was never followed (an
     * INVITED account with a password, so not an administrator's invitation) gives its address up to
     * whoever proves it or is invited with it. The account is closed and its links stop working.
     *
     * @return the id of the account released, if there was one
     */
    public Optional<Long> releaseUnconfirmedRegistration(String email) {
        Optional<Long> id =
                jdbc.sql("""
                        update account set email = 'released-' || id || '@deleted.invalid', status = 'DELETED',
                            password_hash = null, updated_at = now()
                        where lower(email) = :email and status = 'INVITED' and password_hash is not null
                        returning id
                        """).param("email", normalize(email)).query(Long.class).optional();
        id.ifPresent(released -> jdbc.sql(
                        "update account_token set used_at = now() where account_id = :id and used_at is null")
                .param("id", released)
                .update());
        return id;
    }

    /** Takes one role away (in its region, or held for the whole country); false when it was not held. */
    public boolean revoke(long accountId, RoleAssignment role) {
        return jdbc.sql("""
                        delete from role_assignment
                        where account_id = :account and role = :role and coalesce(region_id, 0) = coalesce(cast(:region as bigint), 0)
                          and coalesce(institution_id, 0) = coalesce(cast(:institution as bigint), 0)
                        """)
                        .param("account", accountId)
                        .param("role", role.role().name())
                        .param("region", role.regionId())
                        .param("institution", role.institutionId())
                        .update()
                > 0;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                AccountStatus.valueOf(rs.getString("status")),
                rs.getString("language"),
                rs.getString("totp_secret"),
                rs.getBoolean("totp_enabled"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getObject("last_sign_in_at", OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant)
                        .orElse(null));
    }
}
