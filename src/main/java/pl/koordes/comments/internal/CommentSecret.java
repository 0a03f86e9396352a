package pl.koordes.comments.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import pl.koordes.shared.security.SecureRandoms;

/**
 * The key behind the comment form's challenges and the hashes of reporters' addresses. Set
 * {@code koordes.comments.secret} (the same on every node); without it a random key per start.
 */
@Component
public class CommentSecret {

    private final String key;

    CommentSecret(CommentsProperties properties) {
        String configured = properties.secret();
        if (configured == null || configured.isBlank()) {
            byte[] random = new byte[32];
            SecureRandoms.perThread().nextBytes(random);
            this.key = HexFormat.of().formatHex(random);
        } else {
            this.key = configured;
        }
    }

    String key() {
        return key;
    }

    /** A keyed hash of a client address: reports can be counted per address without keeping addresses. */
    public String hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
