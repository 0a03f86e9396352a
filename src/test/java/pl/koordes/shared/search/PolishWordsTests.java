package pl.koordes.shared.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The morphology table: what a searcher types meets the form a text uses (plural, case, gender), and a
 * word typed without Polish letters meets the word with them. Each row is a query and a text that must
 * share a term; the misspelling cases need the index's vocabulary and are in SearchIndexIntegrationTests.
 */
class PolishWordsTests {

    /**
     * Each row: what a searcher types and a text that must be found by it (plural, case, gender, missing Polish
     * letters, a misspelling); {@code SearchIndexIntegrationTests} proves every row over PostgreSQL, and the rows
     * whose words meet without the index's vocabulary (all but the misspellings) are checked here too.
     */
    static final String[][] MORPHOLOGY = {
        {"spółdzielnia", "spółdzielni"},
        {"spółdzielnia", "spółdzielniach"},
        {"ekonomii społecznej", "ekonomia społeczna"},
        {"spoldzielnia", "spółdzielnia"},
        {"przedsiębiorstwo", "przedsiębiorstw"},
        {"przedsiębiorstwo społeczne", "przedsiębiorstwach społecznych"},
        {"stowarzyszenie", "stowarzyszeń"},
        {"fundacja", "fundacjami"},
        {"wolontariusz", "wolontariuszy"},
        {"integracja", "integracji"},
        {"reintegracja", "reintegracji"},
        {"zatrudnienie", "zatrudnieniem"},
        {"komitet", "komitetów"},
        {"województwo", "województwach"},
        {"gmina", "gminach"},
        {"powiat", "powiatów"},
        {"dotacja", "dotacjach"},
        {"wykluczenie", "wykluczeniem"},
        {"podmiot", "podmiotów"},
        {"rozwój", "rozwoju"},
        {"osoba", "osób"},
        {"mieszkaniec", "mieszkańców"},
        {"warsztat", "warsztatów"},
        {"uchwała", "uchwale"},
        {"ustawa", "ustawy"},
        {"niepełnosprawność", "niepełnosprawnościami"},
        {"społeczny", "społeczne"},
        {"regionalny", "regionalnych"},
        {"socjalna", "socjalnego"},
        {"zatrudnienie wspierane", "ZATRUDNIENIE WSPIERANE"},
        {"spółdzielnie socjalne", "spoldzielnie socjalne"},
        {"łódzkie", "lodzkie"},
        {"spółdzielnia socjalna", "spółdzielniach socjalnych"},
        {"przedsiębiorstwo społeczne", "przedsiębiorstwa społecznego"},
        {"społeczny", "społecznej"},
        {"społeczny", "społecznych"},
        {"wolontariusz", "wolontariuszami"},
        {"wolontariuszka", "wolontariuszki"},
        {"integracyjny", "integracyjnego"},
        {"zatrudniony", "zatrudnionych"},
        {"fundacja", "fundacji"},
        {"stowarzyszenie", "stowarzyszeniami"},
        {"ośrodek wsparcia", "ośrodków wsparcia"},
        {"centrum integracji społecznej", "centrach integracji społecznej"},
        {"klub integracji", "klubów integracji"},
        {"partnerstwo", "partnerstwach"},
        {"doradca", "doradców"},
        {"doradczyni", "doradczynie"},
        {"zakład aktywności zawodowej", "zakładach aktywności zawodowej"},
        {"warsztaty terapii zajęciowej", "warsztatów terapii zajęciowej"},
        {"bezrobotny", "bezrobotnych"},
        {"aktywizacja", "aktywizacji"},
        {"ekonomia społeczna", "ekonomii społecznej"},
        {"reintegracja zawodowa", "reintegracji zawodowej"}
    };

    /** Misspelt queries: they meet the text through the index's vocabulary (pg_trgm), so only over PostgreSQL. */
    static final String[][] MISSPELLINGS = {
        {"spułdzielnia", "spółdzielnia"},
        {"przedsiembiorstwo", "przedsiębiorstwo"},
        {"stowarzyszenei", "stowarzyszenie"},
        {"wolontarjusz", "wolontariusz"}
    };

    static Stream<Arguments> morphology() {
        return Arrays.stream(MORPHOLOGY).map(row -> Arguments.of(row[0], row[1]));
    }

    @ParameterizedTest(name = "\"{0}\" finds \"{1}\"")
    @MethodSource("morphology")
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
