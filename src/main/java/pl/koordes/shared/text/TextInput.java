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
 */
public final class TextInput {

    /** Bidirectional formatting (LRM, RLM, ALM, embeddings, overrides, isolates), zero-width characters and BOM. */
    private static final Pattern INVISIBLE =
            Pattern.compile("[\\u061C\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]");

    private static final Pattern LINE_END = Pattern.compile("\\r\\n?|[\\u2028\\u2029\\u0085]");

    private TextInput() {}

    /** The text as it is kept; null stays null. */
    public static @Nullable String normalise(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFC);
        t = LINE_END.matcher(t).replaceAll("\n");
        t = INVISIBLE.matcher(t).replaceAll("");
        return t.strip();
    }

    /** Length as a reader counts it: code points, not UTF-16 units. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /**
     * Whether the text holds a character no form should carry: control characters (PostgreSQL refuses
     * NUL outright) other than line breaks and tabs in multi-line fields, and unpaired surrogates.
     */
    public static boolean unprintable(String value, boolean multiline) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (multiline && (c == '\n' || c == '\t')) {
                continue;
            }
            if (Character.isISOControl(c)) {
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
