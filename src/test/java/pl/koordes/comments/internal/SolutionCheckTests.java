package pl.koordes.comments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.altcha.altcha.Altcha;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link SolutionCheck} gives the verdict of the ALTCHA library's own check ({@code Altcha.verifySolution} with the
 * expiry checked) for solved, tampered, expired, foreign and malformed payloads; and the solved one's signature.
 */
class SolutionCheckTests {

    private static final String KEY = "klucz-testowy-0123456789abcdef";

    private final Clock now = Clock.systemUTC();
    private final SolutionCheck check = new SolutionCheck(KEY, now);

    @Test
    void aSolvedChallengeGivesItsSignatureAsTheLibrarySaysItIsSolved() throws Exception {
        Altcha.Challenge challenge = challenge(KEY, now.instant().plusSeconds(600));
        String payload = solved(challenge);

        assertThat(Altcha.verifySolution(payload, KEY, true)).isTrue();
        assertThat(check.signatureOf(payload)).isEqualTo(challenge.signature);
    }

    @Test
    void everyOtherPayloadIsRefusedAsTheLibraryRefusesIt() throws Exception {
        Altcha.Challenge good = challenge(KEY, now.instant().plusSeconds(600));
        long number = number(good);
        Altcha.Challenge expired = challenge(KEY, now.instant().minusSeconds(5));
        Altcha.Challenge foreign = challenge("inny-klucz", now.instant().plusSeconds(600));

        List<String> refused = new ArrayList<>();
        refused.add(payload(good.algorithm, good.challenge, number + 1, good.salt, good.signature));
        refused.add(payload(good.algorithm, good.challenge, number, good.salt + "x=1&", good.signature));
        refused.add(payload(good.algorithm, good.challenge, number, good.salt, "00" + good.signature.substring(2)));
        refused.add(payload("SHA-1", good.challenge, number, good.salt, good.signature));
        refused.add(solved(expired));
        refused.add(solved(foreign));
        refused.add(encoded("{\"algorithm\":\"SHA-256\",\"challenge\":\"" + good.challenge + "\",\"number\":" + number
                + ",\"salt\":\"" + good.salt + "\"}"));
        refused.add(encoded("[1,2,3]"));
        refused.add(encoded("{\"algorithm\":"));
        refused.add(
                encoded("{\"algorithm\":\"SHA-256\",\"challenge\":{},\"number\":\"x\",\"salt\":1,\"signature\":[]}"));
        refused.add("to nie jest base64 ###");
        refused.add(Base64.getEncoder().encodeToString(new byte[] {0, (byte) 0xFF, 0x7B}));

        for (String payload : refused) {
            assertThat(libraryAccepts(payload))
                    .as("the library's verdict on %s", payload)
                    .isFalse();
            assertThat(check.signatureOf(payload)).as(payload).isNull();
        }
    }

    @Test
    void theExpiryIsReadFromTheSaltsParameters() {
        assertThat(SolutionCheck.expiresOf("ab12?expires=1767225600&")).isEqualTo(1767225600L);
        assertThat(SolutionCheck.expiresOf("ab12?x=1&expires=42")).isEqualTo(42L);
        assertThat(SolutionCheck.expiresOf("ab12?notexpires=42&")).isNull();
        assertThat(SolutionCheck.expiresOf("ab12?expires=soon&")).isNull();
        assertThat(SolutionCheck.expiresOf("ab12")).isNull();
    }

    private static Altcha.Challenge challenge(String key, Instant expires) throws Exception {
        return Altcha.createChallenge(new Altcha.ChallengeOptions()
                .setAlgorithm(Altcha.Algorithm.SHA256)
                .setMaxNumber(2000L)
                .setExpires(expires.atOffset(ZoneOffset.UTC).toEpochSecond())
                .setHmacKey(key));
    }

    private static long number(Altcha.Challenge c) throws Exception {
        Altcha.Solution solution = Altcha.solveChallenge(c.challenge, c.salt, Altcha.Algorithm.SHA256, c.maxnumber, 0);
        assertThat(solution).isNotNull();
        return solution.number;
    }

    private static String solved(Altcha.Challenge c) throws Exception {
        return payload(c.algorithm, c.challenge, number(c), c.salt, c.signature);
    }

    private static String payload(String algorithm, String challenge, long number, String salt, String signature) {
        return encoded("{\"algorithm\":\"" + algorithm + "\",\"challenge\":\"" + challenge + "\",\"number\":" + number
                + ",\"salt\":\"" + salt + "\",\"signature\":\"" + signature + "\"}");
    }

    private static String encoded(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean libraryAccepts(@Nullable String payload) {
        try {
            return Altcha.verifySolution(payload, KEY, true);
        } catch (Exception malformed) {
            return false;
        }
    }
}
