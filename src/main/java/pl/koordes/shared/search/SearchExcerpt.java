package pl.koordes.shared.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The part of a text around the first word that matched, cut at word boundaries, with the matched words
 * marked. Fragments, not HTML: the template escapes each and wraps the matched ones in {@code <mark>}.
 */
public final class SearchExcerpt {

    /** A piece of the excerpt; {@code match} when it is a word the query found. */
    public record Fragment(String text, boolean match) {}

    private SearchExcerpt() {}

    /**
     * @param text the entry's body
     * @param terms the terms the query searched for (a word matches when one of its terms is among them)
     * @param width about how many characters to show
     */
    public static List<Fragment> of(String text, Set<String> terms, int width) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<PolishWords.Word> words = PolishWords.of(text);
        int first = -1;
        for (int i = 0; i < words.size(); i++) {
            if (!Collections.disjoint(words.get(i).terms(), terms)) {
                first = i;
                break;
            }
        }
        int start = first < 0 ? 0 : startBefore(words, first, width / 3);
        int end = Math.min(text.length(), start + width);
        // End after a whole word.
        for (PolishWords.Word word : words) {
            if (word.start() < end && word.end() > end) {
                end = word.end();
                break;
            }
        }
        List<Fragment> fragments = new ArrayList<>();
        if (start > 0) {
            fragments.add(new Fragment("… ", false));
        }
        int at = start;
        for (PolishWords.Word word : words) {
            if (word.start() < start || word.end() > end) {
                continue;
            }
            if (!Collections.disjoint(word.terms(), terms)) {
                if (word.start() > at) {
                    fragments.add(new Fragment(text.substring(at, word.start()), false));
                }
                fragments.add(new Fragment(text.substring(word.start(), word.end()), true));
                at = word.end();
            }
        }
        if (at < end) {
            fragments.add(new Fragment(text.substring(at, end), false));
        }
        if (end < text.length()) {
            fragments.add(new Fragment(" …", false));
        }
        return List.copyOf(fragments);
    }

    /** The start of a word about {@code before} characters ahead of the matched one. */
    private static int startBefore(List<PolishWords.Word> words, int matched, int before) {
        int limit = words.get(matched).start() - before;
        for (int i = matched; i >= 0; i--) {
            if (words.get(i).start() <= limit) {
                return words.get(i).start();
            }
        }
        return 0;
    }
}
