package pl.koordes.comments;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.altcha.altcha.Altcha;

/** Solves the comment form's proof-of-work challenge the way its script does in a browser. */
final class Proofs {

    private Proofs() {
    }

    /** The answer to the challenge in this page's comment form, as the script would put it in the field "proof". */
    static String solveFrom(String page) {
        return solve(attribute(page, "algorithm"), attribute(page, "challenge"), attribute(page, "salt"),
                attribute(page, "signature"), Long.parseLong(attribute(page, "max")));
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

    private static String attribute(String page, String name) {
        Matcher m = Pattern.compile("data-pow-" + name + "=\"([^\"]*)\"").matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no data-pow-" + name + " on the page");
        }
        return m.group(1).replace("&#63;", "?").replace("&#61;", "=").replace("&amp;", "&");
    }
}
