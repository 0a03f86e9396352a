package pl.koordes.shared.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a visitor typed, understood: words (each matched in any of its forms) and phrases in quotes (their
 * words next to each other). Everything but letters and digits is a separator, so operators, brackets and
 * stray quotes are never syntax; an unbalanced quote is ignored.
 *
 * @param parts the words and phrases, all of which a result must contain
 */
public record SearchQuery(List<Part> parts) {

    /** Longer queries are refused with a message rather than cut silently. */
    public static final int LONGEST = 500;

    /** More words than this are not a search but a pasted text. */
    public static final int MOST_WORDS = 16;

    /** A word, or a phrase of words in order; each word as its possible terms. */
    public record Part(List<PolishWords.Word> words) {

        boolean phrase() {
            return words.size() > 1;
        }
    }

    /** Whether there is anything to search for. */
    public boolean empty() {
        return parts.isEmpty();
    }

    /** Every word of the query. */
    public List<PolishWords.Word> words() {
        return parts.stream().flatMap(p -> p.words().stream()).toList();
    }

    public static SearchQuery parse(String typed) {
        List<Part> parts = new ArrayList<>();
        String[] pieces = typed.split("\"", -1);
        // Odd pieces are between quotes; with an odd number of quotes the last piece is not closed.
        boolean balanced = pieces.length % 2 == 1;
        int words = 0;
        for (int i = 0; i < pieces.length && words < MOST_WORDS; i++) {
            List<PolishWords.Word> found = PolishWords.of(pieces[i]);
            boolean quoted = i % 2 == 1 && (balanced || i < pieces.length - 1);
            if (quoted && found.size() > 1) {
                List<PolishWords.Word> phrase = found.subList(0, Math.min(found.size(), MOST_WORDS - words));
                parts.add(new Part(List.copyOf(phrase)));
                words += phrase.size();
            } else {
                for (PolishWords.Word word : found) {
                    if (words++ >= MOST_WORDS) {
                        break;
                    }
                    parts.add(new Part(List.of(word)));
                }
            }
        }
        return new SearchQuery(List.copyOf(parts));
    }

    /**
     * The {@code tsquery} literal: each word as an alternative of its terms (and of the extra terms found
     * for it), phrases with {@code <->}, all parts joined with {@code &}.
     *
     * @param extra the terms the vocabulary suggests for a word the dictionary did not know
     */
    String tsquery(java.util.function.Function<PolishWords.Word, Set<String>> extra) {
        List<String> joined = new ArrayList<>();
        for (Part part : parts) {
            List<String> words = new ArrayList<>();
            for (PolishWords.Word word : part.words()) {
                Set<String> terms = new java.util.TreeSet<>(word.terms());
                terms.addAll(extra.apply(word));
                words.add("("
                        + String.join(
                                " | ", terms.stream().map(SearchVector::quoted).toList()) + ")");
            }
            joined.add(part.phrase() ? "(" + String.join(" <-> ", words) + ")" : words.get(0));
        }
        return String.join(" & ", joined);
    }
}
