package pl.koordes.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.shared.search.PolishWords;
import pl.koordes.shared.search.SearchAudience;
import pl.koordes.shared.search.SearchIndex;
import pl.koordes.shared.search.SearchQuery;
import pl.koordes.shared.search.SearchRequest;
import pl.koordes.shared.search.SearchResults;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SearchOpens;
import pl.koordes.support.SignedInClient;

/**
 * Each role over the demo data runs the same queries: every result it is given (on every page, so every count too)
 * opens for it (200), the counts add up to the results it may open, and a word that stands only in internal content
 * finds nothing for an anonymous visitor.
 */
@IntegrationTest
class SearchRolesIntegrationTests {

    /** Words of the demo data's public and internal texts alike. */
    private static final List<String> QUERIES = List.of(
            "spółdzielnia",
            "ekonomii społecznej",
            "komitet",
            "uchwała",
            "posiedzenie",
            "postulat",
            "szkolenie",
            "wsparcie",
            "program",
            "ankieta",
            "sprawozdanie",
            "\"ekonomia społeczna\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SearchIndex index;

    @Autowired
    pl.koordes.shared.search.SearchBackfill backfill;

    /**
     * Other tests create and clean up rows beside the write paths (SQL inserts and deletes that no audited change
     * announces); the index is rebuilt from the modules first, so that it holds what the database holds.
     */
    @org.junit.jupiter.api.BeforeEach
    void indexAsTheDatabaseIs() {
        backfill.rebuildAll();
    }

    @Test
    void everyRoleIsShownOnlyWhatItMayOpen() {
        int address = 10;
        Map<String, Integer> found = new LinkedHashMap<>();
        for (String email : SearchOpens.ACTORS) {
            String client = "127.0.46." + address++;
            SignedInClient http =
                    email == null ? new SignedInClient(port, client) : DemoAccounts.signedIn(jdbc, port, email, client);
            Set<String> tokens = SearchAudience.of(email == null ? null : user(email));
            Set<String> urls = new LinkedHashSet<>();
            for (String query : QUERIES) {
                SearchResults first = search(query, tokens, 1);
                assertThat(first.kinds().values().stream()
                                .mapToLong(Long::longValue)
                                .sum())
                        .as("%s: the kinds of \"%s\" count the results", email, query)
                        .isEqualTo(first.total());
                List<SearchResults.Hit> hits = new ArrayList<>(first.hits());
                for (int page = 2; (long) (page - 1) * SearchIndex.PAGE_SIZE < first.total(); page++) {
                    hits.addAll(search(query, tokens, page).hits());
                }
                assertThat((long) hits.size())
                        .as("%s: every result of \"%s\" is on a page", email, query)
                        .isEqualTo(first.total());
                hits.forEach(hit -> urls.add(hit.url()));
                assertThat(http.get("/szukaj?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
                                .statusCode())
                        .isEqualTo(200);
            }
            for (String url : urls) {
                assertThat(http.get(url).statusCode())
                        .as("%s opens %s", email, url)
                        .isEqualTo(200);
            }
            found.put(String.valueOf(email), urls.size());
        }
        // The insiders find more than an anonymous visitor, who still finds the public things.
        assertThat(found.get("null")).isPositive();
        assertThat(found.get(DemoAccounts.COMMITTEE_MALOPOLSKIE)).isGreaterThan(found.get("null"));
        assertThat(found.get(DemoAccounts.ADMINISTRATOR)).isGreaterThan(found.get("null"));
    }

    @Test
    void aWordOnlyInInternalContentFindsNothingForOutsiders() {
        // Terms of internal entries that no public entry has; of them, the words the dictionary knows whose every
        // term is such (an unknown word also stands for similar public words, by design).
        // "Internal" for these three: no token any of them holds (a text for every signed-in person is not internal).
        Set<String> outsiders = new java.util.HashSet<>(SearchAudience.of(null));
        outsiders.addAll(SearchAudience.of(user(DemoAccounts.PARTICIPANT)));
        outsiders.addAll(SearchAudience.of(user(DemoAccounts.EXPERT)));
        Set<String> internalOnly = Set.copyOf(jdbc.sql("""
                        select t from search_entry e, unnest(tsvector_to_array(e.vector)) t
                         where not (e.audience && cast(:outsiders as text[])) and t ~ '^[a-z]+$'
                        except
                        select t from search_entry e, unnest(tsvector_to_array(e.vector)) t
                         where e.audience && cast(:outsiders as text[])
                        """)
                .param("outsiders", outsiders.toArray(String[]::new))
                .query(String.class)
                .list());
        List<String> secret = internalOnly.stream()
                .sorted()
                .filter(term -> {
                    List<PolishWords.Word> words = PolishWords.of(term);
                    return words.size() == 1
                            && words.get(0).known()
                            && internalOnly.containsAll(words.get(0).terms());
                })
                .limit(15)
                .toList();
        assertThat(secret).as("the demo data has internal texts").isNotEmpty();
        SignedInClient anonymous = new SignedInClient(port, "127.0.46.30");
        for (String word : secret) {
            assertThat(search(word, SearchAudience.of(null), 1)).as(word).isEqualTo(SearchResults.NONE);
            assertThat(search(word, SearchAudience.of(user(DemoAccounts.PARTICIPANT)), 1)
                            .total())
                    .as(word)
                    .isZero();
            assertThat(search(word, SearchAudience.of(user(DemoAccounts.EXPERT)), 1)
                            .total())
                    .as(word)
                    .isZero();
            String page = anonymous.get("/szukaj?q=" + word).body();
            assertThat(page).doesNotContain("search-hits").doesNotContain("<mark>");
        }
        assertThat(secret.stream()
                        .mapToLong(word -> search(word, SearchAudience.of(user(DemoAccounts.ADMINISTRATOR)), 1)
                                .total())
                        .sum())
                .as("the administrator finds them")
                .isPositive();
    }

    private SearchResults search(String typed, Set<String> tokens, int page) {
        return index.search(new SearchRequest(SearchQuery.parse(typed), null, null, null, page), tokens);
    }

    private CurrentUser user(String email) {
        return SearchOpens.user(jdbc, email);
    }
}
