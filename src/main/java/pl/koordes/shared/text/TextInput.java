package pl.koordes.shared.text;

import java.text.Normalizer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one normaliser of typed text. Every text field of every form passes through
 * {@link #normalise(String)} when it is bound ({@code shared.web.FormBinding}); what is left that no
 * text should carry is refused by the {@link Text} constraint with a message, never stored.
 *
 * <p>Normalising: Unicode NFC (a Polish letter typed as a base letter and a combining mark becomes the
 * one letter, so that names compare and sort as they read), line ends as {@code \n}, bidirectional
 * overrides and isolates and zero-width characters removed (they let a name display as something else
 * on a list, in CSV or PDF), surrounding white space dropped. Passwords are never normalised.
 *
 * <p>Control characters (NUL above all, which PostgreSQL refuses in text) are not silently dropped: each
 * becomes {@link #REPLACEMENT} (U+FFFD, "�"), which {@link Text} refuses with the field's message. So a form
 * shown again shows the person where the character was, never carries a NUL back to the browser, and a text
 * that escapes validation can still be stored. Line breaks and tabs stay (multi-line fields allow them).
 */
public final class TextInput {

    /** Bidirectional formatting (LRM, RLM, ALM, embeddings, overrides, isolates), zero-width characters and BOM. */
    private static final Pattern INVISIBLE =
            Pattern.compile("[\\u061C\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]");

    private static final Pattern LINE_END = Pattern.compile("\\r\\n?|[\\u2028\\u2029\\u0085]");

    /** Control characters other than line feed and tab (carriage returns are line ends, made {@code \\n} first). */
    private static final Pattern CONTROL = Pattern.compile("[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]");

    /** What a control character becomes: the character that stands for one that cannot be shown. */
    public static final char REPLACEMENT = '\uFFFD';

    /**
     * The longest file name an upload may carry, in code points: what common file systems allow. A longer
     * one is refused beside the file field (the form's other fields kept), not cut.
     */
    public static final int FILE_NAME_MAX = 255;

    private TextInput() {}

    /** Whether an uploaded file's name (as the browser sent it) is longer than {@link #FILE_NAME_MAX}. */
    public static boolean fileNameTooLong(@Nullable String name) {
        return name != null && length(name) > FILE_NAME_MAX;
    }

    /** The text as it is kept; null stays null. */
    public static @Nullable String normalise(@Nullable String text) {
        if (text == null) {
            return null;
        }
        return unchangedButStrip(text) ? text.strip() : fully(text);
    }

    /** {@link #normalise} in its four passes, whatever the text. */
    static String fully(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFC);
        t = LINE_END.matcher(t).replaceAll("\n");
        t = INVISIBLE.matcher(t).replaceAll("");
        return visible(t).strip();
    }

    /**
     * Whether normalising would only strip the text: every character is one that NFC leaves as it is (whatever
     * stands beside it) and that is neither a line end but line feed, nor invisible, nor a control character but tab.
     * Most of what people type (Latin letters with Polish ones, digits, punctuation, typographic quotes and dashes)
     * passes this one look instead of the four passes below: 7 % of a comment submission's samples went to them.
     * {@code TextInputTests} checks every such character, alone and in every pair, against the four passes.
     */
    public static boolean unchangedButStrip(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!kept(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A character {@link #unchangedButStrip} lets through (see there). */
    public static boolean kept(char c) {
        return (c >= 0x20 && c <= 0x7E)
                || c == '\n'
                || c == '\t'
                || (c >= 0xA0 && c <= 0x2FF)
                // General punctuation: dashes, quotes, ellipsis, per mille (not the spaces U+2000-U+200A, of which
                // two change under NFC, nor the invisible and line-ending ones from U+200B on).
                || (c >= 0x2010 && c <= 0x2027)
                || (c >= 0x2030 && c <= 0x205E);
    }

    /**
     * The text with each control character (but line feed and tab) made {@link #REPLACEMENT}, nothing else
     * changed: for showing again what was typed into a field whose value did not convert (a date, a number).
     */
    public static String visible(String text) {
        return CONTROL.matcher(text).replaceAll(String.valueOf(REPLACEMENT));
    }

    /** Length as a reader counts it: code points, not UTF-16 units. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /**
     * Whether the text holds a character no form should carry: control characters (PostgreSQL refuses
     * NUL outright) other than line breaks and tabs in multi-line fields, {@link #REPLACEMENT} (what
     * {@link #normalise} made of one), and unpaired surrogates.
     */
    public static boolean unprintable(String value, boolean multiline) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (multiline && (c == '\n' || c == '\t')) {
                continue;
            }
            if (Character.isISOControl(c) || c == REPLACEMENT) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
