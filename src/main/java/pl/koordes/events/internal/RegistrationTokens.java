package pl.koordes.events.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.security.SecureRandoms;

/**
 * The random tokens of the confirmation and cancellation links in registration e-mails; only their
 * SHA-256 is stored, so a leaked table opens nothing.
 */
public final class RegistrationTokens {

    private static final SecureRandom RANDOM = SecureRandoms.perThread();

    private RegistrationTokens() {}

    public static String issue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the text can be a token at all (43 URL-safe characters); anything else is refused before the database. */
    public static boolean plausible(@Nullable String token) {
        return token != null
                && token.length() == 43
                && token.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_');
    }
}
