package pl.koordes.comments.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import pl.koordes.shared.text.TextInput;

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
        return onlyStripped(text, true) ? text.strip() : multiLineFully(text);
    }

    /** {@link #multiLine} in its passes, whatever the text. */
    static String multiLineFully(String text) {
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
        return onlyStripped(text, false) ? text.strip() : oneLineFully(text);
    }

    /** {@link #oneLine} in its passes, whatever the text. */
    static String oneLineFully(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFC);
        t = CONTROL.matcher(t).replaceAll("");
        return SPACES.matcher(t).replaceAll(" ").strip();
    }

    /**
     * Whether {@link #multiLine} (or {@link #oneLine}) would only strip the text, seen in one look instead of their
     * passes (which took 10 % of a comment submission's samples, for texts the form's binding had normalised already):
     * every character one that {@link TextInput#unchangedButStrip} lets through (so NFC, line ends and control or
     * invisible characters change nothing), no tab, and in a multi-line text no space ending a line and no run of
     * three line breaks, in a one-line text no line break, no no-break space and no two spaces in a row.
     * {@code PlainTextPassesTests} compares both ways over random texts.
     */
    static boolean onlyStripped(String text, boolean multiLine) {
        char before = 0;
        char twoBefore = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!TextInput.kept(c) || c == '\t') {
                return false;
            }
            if (multiLine) {
                if (c == '\n' && (before == ' ' || (before == '\n' && twoBefore == '\n'))) {
                    return false;
                }
            } else if (c == '\n' || c == '\u00A0' || (c == ' ' && before == ' ')) {
                return false;
            }
            twoBefore = before;
            before = c;
        }
        return true;
    }

    /** Length as a reader counts it: code points, not UTF-16 units. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    public static int links(String text) {
        // Every address the pattern finds has a slash (after the scheme or the domain) or starts with "www.": a text
        // with neither, as most comments are, has none, and the pattern's scan of it is spared.
        if (text.indexOf('/') < 0 && !hasWww(text)) {
            return 0;
        }
        return linksFully(text);
    }

    /** {@link #links} by the pattern alone. */
    static int linksFully(String text) {
        return (int) LINK.matcher(text).results().count();
    }

    /** Whether "www." stands anywhere in the text, in any case of its ASCII letters (as the pattern's (?i) reads it). */
    private static boolean hasWww(String text) {
        for (int i = text.indexOf('.', 3); i >= 0; i = text.indexOf('.', i + 1)) {
            if (text.regionMatches(true, i - 3, "www", 0, 3)) {
                return true;
            }
        }
        return false;
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
