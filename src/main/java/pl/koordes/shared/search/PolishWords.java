package pl.koordes.shared.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;
import morfologik.stemming.polish.PolishStemmer;
import org.jspecify.annotations.Nullable;

/**
 * Words of a Polish text and their lemmas ("spółdzielniach" → "spółdzielnia"), folded to letters without
 * diacritics ("spoldzielnia"), so that the index and the query meet whatever form and spelling either
 * uses. A word the dictionary does not know (a name, an acronym, a misspelling) stands for itself.
 */
public final class PolishWords {

    /** Loaded once (about 3 MB); lookups are not thread-safe, so each text gets its own. */
    private static final Dictionary DICTIONARY = new PolishStemmer().getDictionary();

    private static final Locale POLISH = Locale.forLanguageTag("pl");

    /** Longer "words" are not words (a pasted hash, a URL's tail): the index would only grow. */
    static final int LONGEST_WORD = 60;

    /**
     * A word of the text: where it stands and the terms it is indexed and searched under.
     *
     * @param start the offset of its first character in the text
     * @param end the offset after its last character
     * @param terms its lemmas and its own form, folded; never empty
     * @param known whether the dictionary knows the word (an unknown one may be misspelt)
     */
    public record Word(int start, int end, Set<String> terms, boolean known) {}

    private PolishWords() {}

    /** The words of the text in order, each with its terms. */
    public static List<Word> of(String text) {
        List<Word> words = new ArrayList<>();
        each(text).forEachRemaining(words::add);
        return words;
    }

    /**
     * The words of the text in order, each looked up only when it is asked for: a reader that stops early (an
     * excerpt around the first match) does not pay for the rest of a long text.
     */
    public static Iterator<Word> each(String text) {
        DictionaryLookup lookup = new DictionaryLookup(DICTIONARY);
        return new Iterator<>() {
            private int i = 0;
            private @Nullable Word next = advance();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Word next() {
                Word current = next;
                if (current == null) {
                    throw new NoSuchElementException();
                }
                next = advance();
                return current;
            }

            private @Nullable Word advance() {
                int length = text.length();
                while (i < length) {
                    int c = text.codePointAt(i);
                    if (!Character.isLetterOrDigit(c)) {
                        i += Character.charCount(c);
                        continue;
                    }
                    int start = i;
                    while (i < length && Character.isLetterOrDigit(text.codePointAt(i))) {
                        i += Character.charCount(text.codePointAt(i));
                    }
                    String word = text.substring(start, i);
                    if (word.length() <= LONGEST_WORD) {
                        // The word's own form stands beside its lemmas, so that an inflected form typed without
                        // Polish letters ("spoldzielnie", unknown to the dictionary) still meets it.
                        Set<String> lemmas = lemmas(lookup, word);
                        Set<String> terms = new LinkedHashSet<>(lemmas);
                        terms.add(fold(word));
                        return new Word(start, i, Set.copyOf(terms), !lemmas.isEmpty());
                    }
                }
                return null;
            }
        };
    }

    /** The lemmas of one word, folded; empty when the dictionary does not know it. */
    private static Set<String> lemmas(DictionaryLookup lookup, String word) {
        String lower = word.toLowerCase(POLISH);
        Set<String> terms = new LinkedHashSet<>();
        // The dictionary knows lower-case common words and capitalised names; the word is looked up as
        // typed and in lower case. WordData is reused by the lookup, so the stem is copied at once.
        for (String form : lower.equals(word) ? List.of(word) : List.of(word, lower)) {
            for (WordData data : lookup.lookup(form)) {
                CharSequence stem = data.getStem();
                if (stem != null && stem.length() > 0) {
                    terms.add(fold(stem.toString()));
                }
            }
        }
        return terms;
    }

    /** Lower case without diacritics: "Spółdzielnia" → "spoldzielnia" (ł has no decomposition of its own). */
    public static String fold(String text) {
        String lower = text.toLowerCase(POLISH).replace('ł', 'l');
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                folded.append(c);
            }
        }
        return folded.toString();
    }
}
