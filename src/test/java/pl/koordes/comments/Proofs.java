package pl.koordes.comments;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.altcha.altcha.Altcha;
import pl.koordes.support.SignedInClient;

/** Solves the comment form's proof-of-work challenge the way its script does in a browser. */
final class Proofs {

    private Proofs() {}

    /** Fetches a challenge as the comment form's script does and answers it as the script would put it in "proof". */
    static String solveFor(SignedInClient visitor) {
        HttpResponse<String> answer = visitor.get("/komentarze/wyzwanie", "Accept", "application/json");
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("challenge: " + answer.statusCode());
        }
        String json = answer.body();
        return solve(
                field(json, "algorithm"),
                field(json, "challenge"),
                field(json, "salt"),
                field(json, "signature"),
                Long.parseLong(field(json, "maxNumber")));
    }

    static String solve(String algorithm, String challenge, String salt, String signature, long max) {
        try {
            Altcha.Solution solution = Altcha.solveChallenge(challenge, salt, Altcha.Algorithm.SHA256, max, 0);
            String json = "{\"algorithm\":\"" + algorithm + "\",\"challenge\":\"" + challenge + "\",\"number\":"
                    + solution.number + ",\"salt\":\"" + salt + "\",\"signature\":\"" + signature + "\"}";
            return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
