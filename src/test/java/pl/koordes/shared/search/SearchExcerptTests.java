package pl.koordes.shared.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The excerpt under a result: around the first word the query found, whole words, the found words marked. */
class SearchExcerptTests {

    private static final String FILLER = "Komitet omówił sprawy bieżące i przyjął protokół poprzedniego posiedzenia. ";

    @Test
    void aShortTextIsShownWholeWithTheInflectedFormMarked() {
        List<SearchExcerpt.Fragment> excerpt =
                SearchExcerpt.of("Dwie spółdzielnie socjalne zatrudniły nowe osoby.", Set.of("spoldzielnia"), 240);

        assertThat(text(excerpt)).isEqualTo("Dwie spółdzielnie socjalne zatrudniły nowe osoby.");
        assertThat(marked(excerpt)).containsExactly("spółdzielnie");
    }

    @Test
    void aMatchFarIntoTheTextIsShownWithTheWordsBeforeItCutAtAWord() {
        String text = FILLER.repeat(20) + "W Tarnowie powstała spółdzielnia socjalna kucharzy. " + FILLER.repeat(20);

        List<SearchExcerpt.Fragment> excerpt = SearchExcerpt.of(text, Set.of("spoldzielnia"), 240);

        String shown = text(excerpt);
        assertThat(shown).startsWith("… ").endsWith(" …").contains("W Tarnowie powstała spółdzielnia");
        assertThat(marked(excerpt)).containsExactly("spółdzielnia");
        // About the width asked for: a third before the match, whole words at both ends.
        assertThat(shown.length()).isBetween(200, 300);
        assertThat(shown.indexOf("spółdzielnia")).isBetween(60, 110);
        String inner = shown.substring(2, shown.length() - 2);
        assertThat(text).contains(inner);
        assertThat(text.charAt(text.indexOf(inner) - 1)).isEqualTo(' ');
    }

    @Test
    void everyFoundWordInTheExcerptIsMarked() {
        String text = "Fundacja wspiera spółdzielnie. Spółdzielniom pomaga też gmina, a fundacje szkolą.";

        List<SearchExcerpt.Fragment> excerpt = SearchExcerpt.of(text, Set.of("spoldzielnia", "fundacja"), 240);

        assertThat(marked(excerpt)).containsExactly("Fundacja", "spółdzielnie", "Spółdzielniom", "fundacje");
        assertThat(text(excerpt)).isEqualTo(text);
    }

    @Test
    void withoutAMatchInTheTextItsBeginningIsShown() {
        String text = FILLER.repeat(10);

        List<SearchExcerpt.Fragment> excerpt = SearchExcerpt.of(text, Set.of("spoldzielnia"), 240);

        assertThat(text(excerpt)).startsWith("Komitet omówił").endsWith(" …");
        assertThat(marked(excerpt)).isEmpty();
    }

    @Test
    void aMatchBeyondTheScannedBeginningOfALongTextLeavesTheBeginning() {
        String text = FILLER.repeat(SearchExcerpt.LONGEST_SCAN / FILLER.length() + 5) + "Spółdzielnia na końcu.";

        List<SearchExcerpt.Fragment> excerpt = SearchExcerpt.of(text, Set.of("spoldzielnia"), 240);

        assertThat(text(excerpt)).startsWith("Komitet omówił");
        assertThat(marked(excerpt)).isEmpty();
    }

    @Test
    void anEmptyTextHasNoExcerpt() {
        assertThat(SearchExcerpt.of("", Set.of("spoldzielnia"), 240)).isEmpty();
    }

    private static String text(List<SearchExcerpt.Fragment> excerpt) {
        return excerpt.stream().map(SearchExcerpt.Fragment::text).collect(Collectors.joining());
    }

    private static List<String> marked(List<SearchExcerpt.Fragment> excerpt) {
        return excerpt.stream()
                .filter(SearchExcerpt.Fragment::match)
                .map(SearchExcerpt.Fragment::text)
                .toList();
    }
}
