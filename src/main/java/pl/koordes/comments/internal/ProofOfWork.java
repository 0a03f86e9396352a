package pl.koordes.comments.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.altcha.altcha.Altcha;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The comment form's proof of work (ALTCHA, SHA-256): the form carries a signed, expiring challenge;
 * the browser's script finds the number whose hash matches and sends it back. Costs a visitor a
 * moment of CPU in the background and a mass sender a lot; needs no outside service and no cookie.
 * Each solved challenge carries one comment only.
 */
@Component
public class ProofOfWork {

    /** What the sent solution proves. */
    public enum Verdict {
        /** Solved, signed by us, not expired, not used before. */
        SOLVED,
        /** Nothing sent: no JavaScript (or sent before the script finished). */
        MISSING,
        /** Sent but wrong, forged, expired or used already. */
        INVALID
    }

    /** What the form carries for the script. */
    public record Challenge(String algorithm, String challenge, long maxNumber, String salt, String signature) {}

    /** The signature inside a payload the library has verified already. */
    private static final Pattern SIGNATURE = Pattern.compile("\"signature\"\\s*:\\s*\"([0-9a-fA-F]{1,128})\"");

    private final CommentSecret secret;
    private final CommentsProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    ProofOfWork(CommentSecret secret, CommentsProperties properties, JdbcClient jdbc, Clock clock) {
        this.secret = secret;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Challenge issue() {
        try {
            Altcha.ChallengeOptions options = new Altcha.ChallengeOptions()
                    .setAlgorithm(Altcha.Algorithm.SHA256)
                    .setMaxNumber(properties.proofOfWorkMaxNumber())
                    .setExpires(clock.instant()
                            .plus(properties.proofOfWorkValidity())
                            .getEpochSecond())
                    .setHmacKey(secret.key());
            Altcha.Challenge c = Altcha.createChallenge(options);
            return new Challenge(c.algorithm, c.challenge, c.maxnumber, c.salt, c.signature);
        } catch (Exception e) {
            throw new IllegalStateException("ALTCHA challenge", e);
        }
    }

    /** Checks the solution and, when it is good, uses it up (in the caller's transaction). */
    public Verdict check(String payload) {
        if (payload == null || payload.isBlank()) {
            return Verdict.MISSING;
        }
        if (payload.length() > 2000) {
            return Verdict.INVALID;
        }
        boolean valid;
        String signature;
        try {
            valid = Altcha.verifySolution(payload, secret.key(), true);
            Matcher m = SIGNATURE.matcher(new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8));
            if (!m.find()) {
                return Verdict.INVALID;
            }
            signature = m.group(1);
        } catch (Exception malformed) {
            return Verdict.INVALID;
        }
        if (!valid || signature.length() > 128) {
            return Verdict.INVALID;
        }
        Instant now = clock.instant();
        jdbc.sql("delete from comments_used_challenge where expires_at < :now")
                .param("now", Timestamp.from(now))
                .update();
        int claimed = jdbc.sql(
                        "insert into comments_used_challenge (signature, expires_at) values (:signature, :expires) on conflict do nothing")
                .param("signature", signature)
                .param("expires", Timestamp.from(now.plus(properties.proofOfWorkValidity())))
                .update();
        return claimed == 1 ? Verdict.SOLVED : Verdict.INVALID;
    }
}
