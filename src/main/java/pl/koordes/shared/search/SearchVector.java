package pl.koordes.shared.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code tsvector} of an entry, written in Java as PostgreSQL's literal: each term with the positions of
 * its words (a word's several lemmas share its position, so a phrase matches whichever lemma is meant),
 * title words weighted A and body words D.
 *
 * @param literal the {@code tsvector} literal, cast by the statement
 * @param terms every term, for the vocabulary misspellings are matched against
 */
record SearchVector(String literal, Set<String> terms) {

    /** PostgreSQL's limits: positions up to 16383, at most 256 kept per term. */
    private static final int LAST_POSITION = 16_383;

    private static final int POSITIONS_PER_TERM = 256;

    static SearchVector of(String title, String body) {
        Map<String, List<String>> positions = new LinkedHashMap<>();
        int position = add(positions, title, 1, 'A');
        add(positions, body, position + 1, 'D');
        StringBuilder literal = new StringBuilder();
        positions.forEach((term, at) -> {
            if (!literal.isEmpty()) {
                literal.append(' ');
            }
            literal.append(quoted(term)).append(':').append(String.join(",", at));
        });
        return new SearchVector(literal.toString(), new TreeSet<>(positions.keySet()));
    }

    private static int add(Map<String, List<String>> positions, String text, int first, char weight) {
        int position = first;
        for (PolishWords.Word word : PolishWords.of(text)) {
            if (position > LAST_POSITION) {
                break;
            }
            for (String term : word.terms()) {
                List<String> at = positions.computeIfAbsent(term, t -> new ArrayList<>());
                if (at.size() < POSITIONS_PER_TERM) {
                    at.add(position + (weight == 'D' ? "" : String.valueOf(weight)));
                }
            }
            position++;
        }
        return position;
    }

    /** A term in quotes, as the literal wants it; terms are letters and digits, quoted defensively all the same. */
    static String quoted(String term) {
        return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
