package pl.koordes.comments.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Comment text as it is kept: plain text in NFC, line breaks as {@code \n}, no control characters
 * (they render as nothing or break layouts), at most one empty line in a row. Escaping happens on output.
 */
public final class PlainText {

    /** Control and format characters that have no business in a comment; tab and line feed are kept for now. */
    private static final Pattern CONTROL =
            Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u206F\\uFEFF]");

    private static final Pattern LINE_END = Pattern.compile("\\r\\n?|[\\u2028\\u2029\\u0085]");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*\\n(?:[ \\t]*\\n)+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0]+");
    /** A web address as spammers write them: with a scheme, starting with www., or a bare domain with a path. */
    private static final Pattern LINK = Pattern.compile(
            "(?i)\\b(?:[a-z][a-z0-9+.-]*://|www\\.)\\S+|\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|net|org|info|biz|ru|pl|xyz|top|io|co|eu|online|site|shop)/\\S*");

    private PlainText() {}

    /** A multi-line text (the content): line breaks kept, trailing spaces and surplus empty lines dropped. */
    public static String multiLine(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFC);
        t = LINE_END.matcher(t).replaceAll("\n");
        t = CONTROL.matcher(t).replaceAll("");
        t = t.replace('\t', ' ');
        t = t.lines().map(String::stripTrailing).reduce((a, b) -> a + "\n" + b).orElse("");
        t = BLANK_LINES.matcher(t).replaceAll("\n\n");
        return t.strip();
    }

    /** A one-line text (title, signature): every run of white space, line breaks included, becomes one space. */
    public static String oneLine(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFC);
        t = CONTROL.matcher(t).replaceAll("");
        return SPACES.matcher(t).replaceAll(" ").strip();
    }

    /** Length as a reader counts it: code points, not UTF-16 units. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    public static int links(String text) {
        return (int) LINK.matcher(text).results().count();
    }

    /** Lower case, white space collapsed: the form in which phrases and duplicates are compared. */
    public static String comparable(String text) {
        return SPACES.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** SHA-256 of the comparable content: the same words with other spacing or capitals are the same comment. */
    public static String fingerprint(String body) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(comparable(body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
