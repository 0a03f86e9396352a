package pl.koordes.comments.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an ALTCHA solution as the library's {@code Altcha.verifySolution(payload, key, true)} does, in one reading of
 * the payload and with this thread's HMAC and digest: the library parsed the JSON with org.json, built the challenge
 * again through its options, split the salt's parameters with regular expressions and looked the HMAC algorithm up
 * among the providers for every submission (5 % of a comment submission's samples). The library still makes the
 * challenges ({@link ProofOfWork#issue}); {@code SolutionCheckTests} gives this check and the library's the same
 * payloads, solved, tampered with, expired and malformed, and expects the same verdict.
 *
 * <p>The payload is {@code base64(JSON)} with {@code algorithm} (SHA-256 only), {@code challenge} (the hex SHA-256 of
 * {@code salt} followed by {@code number}), {@code number} (what the browser found), {@code salt} (random hex, then
 * {@code ?expires=<epoch seconds>&}) and {@code signature} (the hex HMAC-SHA-256 of the challenge with the key). One
 * difference, on purpose: a salt without {@code expires} is refused (the library lets it through), as every challenge
 * this application makes carries one.
 */
final class SolutionCheck {

    private static final String ALGORITHM = "SHA-256";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Clock clock;
    private final ThreadLocal<Mac> macs;
    private final ThreadLocal<MessageDigest> digests = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance(ALGORITHM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    SolutionCheck(String key, Clock clock) {
        this.clock = clock;
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(keyBytes, "HmacSHA256"));
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The solution's signature when it is solved, signed with the key and not expired; null for anything else. */
    @Nullable
    String signatureOf(String payload) {
        String algorithm = null;
        String challenge = null;
        String salt = null;
        String signature = null;
        Long number = null;
        // Read token by token: binding the JSON to a record cost as much again as the hashes (its constructor is
        // called through a spreading method handle).
        try (JsonParser json = JSON.createParser(Base64.getDecoder().decode(payload))) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (String name = json.nextName(); name != null; name = json.nextName()) {
                JsonToken value = json.nextToken();
                String text = value == JsonToken.VALUE_STRING ? json.getString() : null;
                switch (name) {
                    case "algorithm" -> algorithm = text;
                    case "challenge" -> challenge = text;
                    case "salt" -> salt = text;
                    case "signature" -> signature = text;
                    case "number" -> number = value == JsonToken.VALUE_NUMBER_INT ? json.getLongValue() : null;
                    default -> {
                        // Another field: skipped, as the library ignores it.
                    }
                }
                json.skipChildren();
            }
        } catch (RuntimeException malformed) {
            // Not base64, not JSON, a number too large: not a solution.
            return null;
        }
        if (!ALGORITHM.equals(algorithm) || challenge == null || salt == null || signature == null || number == null) {
            return null;
        }
        Long expires = expiresOf(salt);
        if (expires == null || expires < clock.instant().getEpochSecond()) {
            return null;
        }
        // As the library hashes it: the salt's parameters end with "&" (every salt made here does already).
        String hashed = (salt.endsWith("&") ? salt : salt + "&") + number;
        String expected = HexFormat.of().formatHex(digests.get().digest(hashed.getBytes(StandardCharsets.UTF_8)));
        String signed = HexFormat.of().formatHex(macs.get().doFinal(challenge.getBytes(StandardCharsets.UTF_8)));
        boolean solved = MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), challenge.getBytes(StandardCharsets.UTF_8));
        boolean ours = MessageDigest.isEqual(
                signed.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
        return solved && ours ? signature : null;
    }

    /** The {@code expires} parameter of the salt's query ({@code ...?expires=1767225600&}); null without one. */
    static @Nullable Long expiresOf(String salt) {
        int query = salt.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (int start = query + 1; start < salt.length(); ) {
            int end = salt.indexOf('&', start);
            if (end < 0) {
                end = salt.length();
            }
            if (salt.startsWith("expires=", start)) {
                try {
                    return Long.parseLong(salt, start + "expires=".length(), end, 10);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            start = end + 1;
        }
        return null;
    }
}
