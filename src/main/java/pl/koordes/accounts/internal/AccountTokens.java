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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

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
        SETUP
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Issues a token and returns the secret part for the link; earlier unused tokens of that purpose stop working. */
    public String issue(long accountId, Purpose purpose, Duration validity) {
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
                        insert into account_token (account_id, purpose, token_hash, expires_at)
                        values (:account, :purpose, :hash, :expires)
                        """)
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

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
