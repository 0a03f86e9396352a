package pl.koordes.knowledge.internal.discussions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The library documents a post points to, as typed: numbers or library addresses ({@code 12},
 * {@code /biblioteka/12}, {@code https://…/biblioteka/12}) separated by commas, spaces or lines. The library is
 * another part of the module, built alongside: the post keeps the id and shows a link to {@code /biblioteka/{id}}.
 */
public final class PostDocuments {

    /** The most documents one post points to. */
    public static final int MOST = 10;

    private static final Pattern ONE = Pattern.compile("(?:(?:https?://[^/\\s,]+)?/biblioteka/)?(\\d{1,15})/?");

    private PostDocuments() {}

    /** The ids in the order typed, each once; empty when the text is not a list of them (or names too many). */
    public static Optional<List<Long>> parse(@Nullable String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.of(List.of());
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (String piece : typed.trim().split("[\\s,;]+")) {
            Matcher matcher = ONE.matcher(piece);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            long id = Long.parseLong(matcher.group(1));
            if (id < 1) {
                return Optional.empty();
            }
            ids.add(id);
        }
        return ids.size() > MOST ? Optional.empty() : Optional.of(new ArrayList<>(ids));
    }

    /** The ids as the form shows them again. */
    public static String text(List<Long> ids) {
        return String.join(", ", ids.stream().map(String::valueOf).toList());
    }

    /** The library page of a document. */
    public static String link(long id) {
        return "/biblioteka/" + id;
    }
}
