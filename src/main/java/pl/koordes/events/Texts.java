package pl.koordes.events;

import org.jspecify.annotations.Nullable;

/** Checks of typed text shared by the event and registration forms. */
final class Texts {

    private Texts() {
    }

    /** The text without surrounding spaces, never null. */
    static String strip(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    /**
     * Whether the text holds a character no form should carry: control characters (PostgreSQL refuses
     * NUL outright) other than line breaks and tabs in multi-line fields, and unpaired surrogates.
     */
    static boolean unprintable(String value, boolean multiline) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (multiline && (c == '\n' || c == '\r' || c == '\t')) {
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

    /** An address people may follow: http(s) or a path on this site, without spaces or quotes. */
    static boolean link(String value) {
        return (value.startsWith("https://") || value.startsWith("http://") || (value.startsWith("/") && !value.startsWith("//")))
                && value.length() <= 500 && value.chars().noneMatch(c -> c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\');
    }
}
