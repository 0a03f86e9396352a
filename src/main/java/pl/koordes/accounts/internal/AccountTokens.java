package pl.koordes.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.accounts.AccountStatus;
import pl.koordes.shared.security.SecureRandoms;

/**
 * Single-use, expiring tokens for links sent by e-mail (invitation, password reset, e-mail
 * verification, first set-up). The link carries 256 random bits; the database keeps only their hash.
 */
@Component
public class AccountTokens {

    /** What a token lets its holder do. */
    public enum Purpose {
        INVITATION,
        PASSWORD_RESET,
        EMAIL_VERIFICATION,
        SETUP,
        /** Carries a new address; following the link sent to it makes the address the account's. */
        EMAIL_CHANGE,
        /** Carries the address an account had; sent to that address, it puts it back. */
        EMAIL_CHANGE_UNDO
    }

    /** A used token: its account and the address it carried (null for tokens without one). */
    public record Used(long accountId, @Nullable String address) {}

    private static final SecureRandom RANDOM = SecureRandoms.perThread();

    private final JdbcClient jdbc;
    private final Clock clock;

    private final Accounts accounts;

    AccountTokens(JdbcClient jdbc, Clock clock, Accounts accounts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.accounts = accounts;
    }

    /**
     * The account a working link belongs to, while the account is in the state the link is for (an
     * active account for a reset, a pending one for a verification); without using the link up.
     */
    public Optional<Accounts.Row> holder(String secret, Purpose purpose, AccountStatus status) {
        return peek(secret, purpose).flatMap(accounts::byId).filter(row -> row.status() == status);
    }

    /** Issues a token and returns the secret part for the link; earlier unused tokens of that purpose stop working. */
    public String issue(long accountId, Purpose purpose, Duration validity) {
        return issue(accountId, purpose, validity, null);
    }

    /** Issues a token that carries an address (see {@link Purpose#EMAIL_CHANGE}). */
    public String issue(long accountId, Purpose purpose, Duration validity, @Nullable String address) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql(
                        "update account_token set used_at = :now where account_id = :account and purpose = :purpose and used_at is null")
                .param("now", Timestamp.from(clock.instant()))
                .param("account", accountId)
                .param("purpose", purpose.name())
                .update();
        jdbc.sql("""
                        insert into account_token (account_id, purpose, token_hash, expires_at, address)
                        values (:account, :purpose, :hash, :expires, :address)
                        """)
                .param("address", address)
                .param("account", accountId)
                .param("purpose", purpose.name())
                .param("hash", hash(secret))
                .param("expires", Timestamp.from(clock.instant().plus(validity)))
                .update();
        return secret;
    }

    /** The account a valid, unused, unexpired token belongs to, without using it up. */
    public Optional<Long> peek(String secret, Purpose purpose) {
        if (secret == null || secret.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select account_id from account_token
                        where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now
                        """)
                .param("hash", hash(secret))
                .param("purpose", purpose.name())
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .optional();
    }

    /**
     * Uses the token up and returns its account; a second use, or two uses at once, find nothing,
     * because the update only matches while {@code used_at} is empty.
     */
    public Optional<Long> consume(String secret, Purpose purpose) {
        if (secret == null || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return jdbc.sql("""
                        update account_token set used_at = :now
                        where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now
                        returning account_id
                        """)
                .param("hash", hash(secret))
                .param("purpose", purpose.name())
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .optional();
    }

    /**
     * Uses the token up and returns its account with the address it carries; empty when the link no
     * longer works.
     */
    public Optional<Used> consumeWithAddress(String secret, Purpose purpose) {
        if (secret == null || secret.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        update account_token set used_at = :now
                        where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now
                        returning account_id, address
                        """)
                .param("hash", hash(secret))
                .param("purpose", purpose.name())
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Used(rs.getLong("account_id"), rs.getString("address")))
                .optional();
    }

    /** The address a valid token carries, without using it up (for the page that asks to confirm). */
    public Optional<Used> peekWithAddress(String secret, Purpose purpose) {
        if (secret == null || secret.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select account_id, address from account_token
                        where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now
                        """)
                .param("hash", hash(secret))
                .param("purpose", purpose.name())
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Used(rs.getLong("account_id"), rs.getString("address")))
                .optional();
    }

    /**
     * Every outstanding link of the account stops working, after a change of password, address or
     * second factor: a link sent before the change (perhaps to an address no longer the person's) must
     * not outlive it. Undo links stay unless {@code withUndo}: they are how the owner of an old address
     * takes the account back after a change they did not make.
     */
    public int revokeAll(long accountId, boolean withUndo) {
        return jdbc.sql("""
                        update account_token set used_at = :now
                        where account_id = :account and used_at is null
                          and (:withUndo or purpose <> 'EMAIL_CHANGE_UNDO')
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("account", accountId)
                .param("withUndo", withUndo)
                .update();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
