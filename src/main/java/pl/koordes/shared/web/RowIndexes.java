package pl.koordes.shared.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A form's repeated rows are indexed fields ({@code targets[3].year}); Spring grows a list only up to
 * {@link #LIMIT} rows and fails with an exception, a server error, when a request names a row past it
 * ({@code targets[100000].year}). No form of the site has that many rows, so {@link FormBinding} refuses such a
 * request as malformed (400) before anything is bound, whatever form it was sent to.
 */
final class RowIndexes {

    /** Spring's default {@code DataBinder} auto-grow limit. */
    static final int LIMIT = 256;

    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private RowIndexes() {}

    static boolean pastTheLimit(String name) {
        Matcher m = INDEX.matcher(name);
        while (m.find()) {
            String digits = m.group(1);
            if (digits.length() > 4 || Integer.parseInt(digits) >= LIMIT) {
                return true;
            }
        }
        return false;
    }
}
