package pl.koordes.shared.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The morphology table: what a searcher types meets the form a text uses (plural, case, gender), and a
 * word typed without Polish letters meets the word with them. Each row is a query and a text that must
 * share a term; the misspelling cases need the index's vocabulary and are in SearchIndexIntegrationTests.
 */
class PolishWordsTests {

    @ParameterizedTest(name = "\"{0}\" finds \"{1}\"")
    @CsvSource({
        // The cases.
        "spółdzielnia, spółdzielni",
        "spółdzielnia, spółdzielniach",
        "ekonomii społecznej, ekonomia społeczna",
        "spoldzielnia, spółdzielnia",
        // Plural and case forms of the programme's common nouns.
        "przedsiębiorstwo, przedsiębiorstw",
        "przedsiębiorstwo społeczne, przedsiębiorstwach społecznych",
        "stowarzyszenie, stowarzyszeń",
        "fundacja, fundacjami",
        "wolontariusz, wolontariuszy",
        "integracja, integracji",
        "reintegracja, reintegracji",
        "zatrudnienie, zatrudnieniem",
        "komitet, komitetów",
        "województwo, województwach",
        "gmina, gminach",
        "powiat, powiatów",
        "dotacja, dotacjach",
        "wykluczenie, wykluczeniem",
        "podmiot, podmiotów",
        "rozwój, rozwoju",
        "osoba, osób",
        "mieszkaniec, mieszkańców",
        "warsztat, warsztatów",
        "uchwała, uchwale",
        "ustawa, ustawy",
        "niepełnosprawność, niepełnosprawnościami",
        // Gender and number of adjectives.
        "społeczny, społeczne",
        "regionalny, regionalnych",
        "socjalna, socjalnego",
        // Without Polish letters, in either direction, and in capitals.
        "zatrudnienie wspierane, ZATRUDNIENIE WSPIERANE",
        "spółdzielnie socjalne, spoldzielnie socjalne",
        "łódzkie, lodzkie"
    })
    void theQueryMeetsTheText(String query, String text) {
        for (PolishWords.Word word : PolishWords.of(query)) {
            assertThat(termsOf(text))
                    .as("a term of \"%s\" in \"%s\"", query, text)
                    .containsAnyElementsOf(word.terms());
        }
    }

    @ParameterizedTest(name = "\"{0}\" does not find \"{1}\"")
    @CsvSource({"spółdzielnia, szkoła", "komitet, kometa", "gmina, godzina"})
    void differentWordsStayApart(String query, String text) {
        assertThat(termsOf(text)).doesNotContainAnyElementsOf(termsOf(query));
    }

    @org.junit.jupiter.api.Test
    void wordsKeepTheirPlaceInTheTextAndUnknownWordsStandForThemselves() {
        String text = "ROPS w Krakowie: spółdzielnie";
        List<PolishWords.Word> words = PolishWords.of(text);

        assertThat(words)
                .extracting(w -> text.substring(w.start(), w.end()))
                .containsExactly("ROPS", "w", "Krakowie", "spółdzielnie");
        assertThat(words.get(0).terms()).containsExactly("rops");
        assertThat(words.get(3).known()).isTrue();
        assertThat(PolishWords.of("spułdzielnia").get(0).known()).isFalse();
    }

    private static Set<String> termsOf(String text) {
        Set<String> terms = new HashSet<>();
        PolishWords.of(text).forEach(word -> terms.addAll(word.terms()));
        return terms;
    }
}
