package pl.koordes.accounts.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Case- and diacritic-insensitive text search that works whatever the database's locale. */
public final class TextSearch {

    private static final String POLISH = "ĄĆĘŁŃÓŚŹŻąćęłńóśźż";
    private static final String LATIN = "ACELNOSZZacelnoszz";

    private TextSearch() {}

    /** The SQL expression folding a column: Polish letters to Latin ones, then lower case (ASCII at least). */
    public static String folded(String column) {
        return "lower(translate(coalesce(" + column + ", ''), '" + POLISH + "', '" + LATIN + "'))";
    }

    /** The search text without control characters, trimmed and cut to length. */
    public static String clean(@Nullable String text, int maxLength) {
        if (text == null) {
            return "";
        }
        String cleaned = text.replaceAll("[\\p{Cc}\\p{Cs}]", " ").strip();
        return cleaned.length() > maxLength ? cleaned.substring(0, maxLength) : cleaned;
    }

    /** A LIKE pattern finding the folded text anywhere, with LIKE's own characters taken literally. */
    public static String pattern(String text) {
        StringBuilder folded = new StringBuilder();
        for (char c : text.toCharArray()) {
            int polish = POLISH.indexOf(c);
            folded.append(polish >= 0 ? LATIN.charAt(polish) : c);
        }
        String lower = folded.toString().toLowerCase(Locale.ROOT);
        return "%" + lower.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
