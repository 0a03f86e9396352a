package pl.koordes.comments.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.altcha.altcha.Altcha;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import pl.koordes.shared.scheduling.ClusterLock;

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

    private final CommentSecret secret;
    private final CommentsProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ClusterLock lock;
    private final SolutionCheck solutions;

    ProofOfWork(CommentSecret secret, CommentsProperties properties, JdbcClient jdbc, Clock clock, ClusterLock lock) {
        this.secret = secret;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
        this.lock = lock;
        this.solutions = new SolutionCheck(secret.key(), clock);
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

    /** A solution checked without the database: its verdict and, when solved, the signature it may use once. */
    public record Checked(Verdict verdict, @Nullable String signature) {}

    /** Checks the solution and, when it is good, uses it up (in the caller's transaction). */
    public Verdict check(String payload) {
        Checked checked = verify(payload);
        if (checked.verdict() != Verdict.SOLVED || checked.signature() == null) {
            return checked.verdict();
        }
        return claim(List.of(checked.signature())).isEmpty() ? Verdict.INVALID : Verdict.SOLVED;
    }

    /**
     * Checks the solution's hash, signature and expiry, without the database: {@link Verdict#SOLVED} here means
     * solved, signed by us and not expired; it is not used up until {@link #claim} takes its signature.
     */
    public Checked verify(@Nullable String payload) {
        if (payload == null || payload.isBlank()) {
            return new Checked(Verdict.MISSING, null);
        }
        if (payload.length() > 2000) {
            return new Checked(Verdict.INVALID, null);
        }
        String signature = solutions.signatureOf(payload);
        if (signature == null || signature.length() > 128) {
            return new Checked(Verdict.INVALID, null);
        }
        return new Checked(Verdict.SOLVED, signature);
    }

    /**
     * Uses up verified solutions' signatures in the caller's transaction (one statement whatever their number):
     * returns those not used before, each once. A signature used already, by an earlier comment or earlier in
     * the same list, is not returned: its comment's solution is {@link Verdict#INVALID}.
     */
    public Set<String> claim(Collection<String> signatures) {
        if (signatures.isEmpty()) {
            return Set.of();
        }
        Instant now = clock.instant();
        return new HashSet<>(jdbc.sql("""
                        insert into comments_used_challenge (signature, expires_at)
                        select distinct s, cast(:expires as timestamptz) from unnest(cast(:signatures as text[])) as s
                        on conflict do nothing
                        returning signature""")
                .param("signatures", CommentStore.arrayLiteral(signatures))
                .param("expires", Timestamp.from(now.plus(properties.proofOfWorkValidity())))
                .query(String.class)
                .list());
    }

    /**
     * Forgets used solutions past their expiry, once a minute on one node: an expired solution is refused by its own
     * expiry ({@link #verify}), so its record is no longer needed. (Deleting them in every group of submissions, as
     * before, was one statement more under the group's turn.)
     */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void forgetExpired() {
        lock.runOnce("comments.used-challenges", Duration.ofMinutes(5), Duration.ofSeconds(30), this::forgetExpiredNow);
    }

    /** Deletes the expired records now; returns how many. */
    public int forgetExpiredNow() {
        return jdbc.sql("delete from comments_used_challenge where expires_at < :now")
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }
}
