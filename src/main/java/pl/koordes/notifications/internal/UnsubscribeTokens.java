package pl.koordes.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import pl.koordes.shared.notice.NotificationKind;
import pl.koordes.shared.security.SecureRandoms;

/**
 * The signed tokens of unsubscribe links: {@code 1.<account>.<kind>.<HMAC-SHA256>}, one per account and kind of
 * notification ({@link NotificationKind#key()}, or {@link #DIGEST} for the daily digest). Nothing is stored: the
 * signature is the proof, so a token keeps working whatever else the person changes, cannot be made for another
 * account or kind without the key, and no two nodes disagree as long as they share the key.
 *
 * <p>Tokens do not expire: RFC 8058 expects the link of a message to work as long as the message sits in an inbox
 * (months), and the worst a leaked token can do is turn one kind of e-mail off for one person, which they can turn
 * on again; it stops working when the account is erased or the key is replaced.
 */
@Component
public class UnsubscribeTokens {

    /** The pseudo-kind of the daily digest e-mail. */
    public static final String DIGEST = "digest";

    private static final String VERSION = "1";
    private static final Pattern SHAPE = Pattern.compile("1\\.[1-9][0-9]{0,17}\\.[a-z-]{1,64}\\.[A-Za-z0-9_-]{43}");

    /** What a valid token names. */
    public record Target(long accountId, String kind) {

        /** Whether it is the daily digest rather than one kind of notification. */
        public boolean digest() {
            return DIGEST.equals(kind);
        }

        /** The kind of notification; empty for the digest. */
        public Optional<NotificationKind> notificationKind() {
            return NotificationKind.ofKey(kind);
        }
    }

    private final byte[] key;

    UnsubscribeTokens(UnsubscribeSettings settings) {
        String secret = settings.unsubscribeSecret();
        if (secret != null && !secret.isBlank()) {
            this.key = secret.getBytes(StandardCharsets.UTF_8);
        } else {
            this.key = new byte[32];
            SecureRandoms.perThread().nextBytes(key);
        }
    }

    /** The token for {@code kind} (a non-essential notification kind's key, or {@link #DIGEST}) of the account. */
    public String token(long accountId, String kind) {
        if (!unsubscribable(kind)) {
            throw new IllegalArgumentException("Not a kind one can unsubscribe from: " + kind);
        }
        return VERSION + "." + accountId + "." + kind + "." + signature(accountId, kind);
    }

    /** What {@code token} names, if it is one this key signed (compared in constant time); never throws. */
    public Optional<Target> verify(String token) {
        if (token.length() > 160 || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        long account;
        try {
            account = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String kind = parts[2];
        if (!unsubscribable(kind)) {
            return Optional.empty();
        }
        byte[] expected = signature(account, kind).getBytes(StandardCharsets.US_ASCII);
        byte[] given = parts[3].getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(new Target(account, kind)) : Optional.empty();
    }

    private static boolean unsubscribable(String kind) {
        return DIGEST.equals(kind)
                || NotificationKind.ofKey(kind).filter(k -> !k.essential()).isPresent();
    }

    private String signature(long accountId, String kind) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sum = mac.doFinal(
                    ("koordes-unsubscribe:" + VERSION + ":" + accountId + ":" + kind).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sum);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
