package pl.koordes.comments;

import org.jspecify.annotations.Nullable;

/**
 * What a visitor typed into the comment form. Checked by {@link CommentManagement} (limits come from
 * the settings), so every field may hold anything.
 *
 * @param website the honeypot: hidden from people, filled by robots
 * @param proof the proof-of-work solution filled in by the form's script; empty without JavaScript
 */
public record CommentForm(String title, String body, String signature, String email, boolean consent,
        String website, String proof) {

    public static CommentForm empty() {
        return new CommentForm("", "", "", "", false, "", "");
    }

    public static CommentForm of(@Nullable String title, @Nullable String body, @Nullable String signature,
            @Nullable String email, boolean consent, @Nullable String website, @Nullable String proof) {
        return new CommentForm(nz(title), nz(body), nz(signature), nz(email), consent, nz(website), nz(proof));
    }

    /** The form to show again: what was typed, cut to a sane length, the robots' fields cleared. */
    public CommentForm forRedisplay(int max) {
        return new CommentForm(cut(title, max), cut(body, max), cut(signature, max), cut(email, 320), consent, "", "");
    }

    private static String nz(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static String cut(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }
}
