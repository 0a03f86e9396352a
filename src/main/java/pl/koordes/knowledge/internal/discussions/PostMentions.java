package pl.koordes.knowledge.internal.discussions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Mentions in a post: {@code @} followed by a reader's name as their account shows it ({@code @Kinga Koordynacyjna}),
 * case aside, not followed by a letter or a digit. Only people who may read the space are matched, so a mention of
 * anyone else notifies nobody; where two readers' names start alike, the longer match wins.
 */
public final class PostMentions {

    private PostMentions() {}

    /** Whether the text could mention anyone (so that readers are looked up only then). */
    public static boolean possible(String body) {
        return body.indexOf('@') >= 0;
    }

    /** The readers the text mentions, each once, in order of first mention. */
    public static List<SpaceStore.Reader> of(String body, List<SpaceStore.Reader> readers) {
        List<SpaceStore.Reader> byLength = new ArrayList<>(
                readers.stream().filter(r -> !r.displayName().isBlank()).toList());
        byLength.sort(
                Comparator.comparingInt((SpaceStore.Reader r) -> r.displayName().length())
                        .reversed());
        Set<SpaceStore.Reader> found = new LinkedHashSet<>();
        for (int at = body.indexOf('@'); at >= 0; at = body.indexOf('@', at + 1)) {
            if (at > 0 && Character.isLetterOrDigit(body.charAt(at - 1))) {
                continue;
            }
            for (SpaceStore.Reader reader : byLength) {
                String name = reader.displayName();
                int end = at + 1 + name.length();
                if (body.regionMatches(true, at + 1, name, 0, name.length())
                        && (end >= body.length() || !Character.isLetterOrDigit(body.charAt(end)))) {
                    found.add(reader);
                    break;
                }
            }
        }
        return List.copyOf(found);
    }
}
