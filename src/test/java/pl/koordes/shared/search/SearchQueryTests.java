package pl.koordes.shared.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the query parser makes of what people type, hostile input included. */
class SearchQueryTests {

    @Test
    void quotedWordsAreAPhraseAndTheRestSingleWords() {
        SearchQuery query = SearchQuery.parse("\"ekonomia społeczna\" Kraków");

        assertThat(query.parts()).hasSize(2);
        assertThat(query.parts().get(0).words()).hasSize(2);
        assertThat(query.tsquery(w -> Set.of())).contains("<->").contains(" & ");
    }

    @Test
    void operatorsBracketsAndAnUnbalancedQuoteAreNeverSyntax() {
        SearchQuery query = SearchQuery.parse("spółdzielnia & !(socjalna | \"rops':* <-> \\");

        assertThat(query.parts()).extracting(p -> p.words().size()).containsOnly(1);
        // Only quoted terms, operators the parser wrote itself.
        assertThat(query.tsquery(w -> Set.of()).replaceAll("'[^']*'", "T")).matches("[T()|& ]+");
    }

    @Test
    void nothingButPunctuationIsAnEmptyQuery() {
        assertThat(SearchQuery.parse("\"\" ,.;:!? *** ''").empty()).isTrue();
    }

    @Test
    void aPastedTextIsCutToTheMostWords() {
        String typed = "spółdzielnia ".repeat(1000);

        assertThat(SearchQuery.parse(typed).words()).hasSize(SearchQuery.MOST_WORDS);
    }
}
