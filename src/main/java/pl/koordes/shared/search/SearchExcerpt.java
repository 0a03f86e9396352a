package pl.koordes.shared.search;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The part of a text around the first word that matched, cut at word boundaries, with the matched words
 * marked. Fragments, not HTML: the template escapes each and wraps the matched ones in {@code <mark>}.
 */
public final class SearchExcerpt {

    /** A piece of the excerpt; {@code match} when it is a word the query found. */
    public record Fragment(String text, boolean match) {}

    /**
     * How far into a text the first match is looked for: a match further on is not shown (the excerpt is then the
     * text's beginning), so one long document does not cost a results page the lookup of all its words.
     */
    static final int LONGEST_SCAN = 8_000;

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
        int before = width / 3;
        // The words are read one by one up to the first match: the words that may still begin the excerpt (the last
        // one at least `before` characters ahead of the current word, and those after it) are kept, the rest of a
        // long text is never looked up.
        Iterator<PolishWords.Word> words = PolishWords.each(text);
        Deque<PolishWords.Word> window = new ArrayDeque<>();
        PolishWords.@Nullable Word matched = null;
        while (words.hasNext()) {
            PolishWords.Word word = words.next();
            if (word.start() > LONGEST_SCAN) {
                break;
            }
            window.addLast(word);
            while (window.size() > 2 && second(window).start() <= word.start() - before) {
                window.removeFirst();
            }
            if (matches(word, terms)) {
                matched = word;
                break;
            }
        }
        int start = 0;
        if (matched != null && window.peekFirst().start() <= matched.start() - before) {
            start = window.peekFirst().start();
        } else if (matched == null) {
            window.clear();
            words = PolishWords.each(text);
        }
        int end = Math.min(text.length(), start + width);
        List<PolishWords.Word> shown = new ArrayList<>();
        for (PolishWords.Word word : window) {
            if (word.start() >= start) {
                shown.add(word);
            }
        }
        while (words.hasNext()
                && (shown.isEmpty() || shown.get(shown.size() - 1).end() < end)) {
            shown.add(words.next());
        }
        // End after a whole word.
        for (PolishWords.Word word : shown) {
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
        for (PolishWords.Word word : shown) {
            if (word.start() < start || word.end() > end) {
                continue;
            }
            if (matches(word, terms)) {
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

    private static boolean matches(PolishWords.Word word, Set<String> terms) {
        return !Collections.disjoint(word.terms(), terms);
    }

    private static PolishWords.Word second(Deque<PolishWords.Word> window) {
        Iterator<PolishWords.Word> words = window.iterator();
        words.next();
        return words.next();
    }
}
