package pl.koordes.shared.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.NaughtyStrings;

/**
 * The index on PostgreSQL: forms, missing Polish letters, misspellings, phrases, ranking, excerpts, facets,
 * paging, removal, and above all that nobody finds what they may not open. Each test runs in a transaction
 * that is rolled back, so its entries never reach other tests.
 */
@IntegrationTest
@Transactional
class SearchIndexIntegrationTests {

    private static final long MALOPOLSKIE = 9_001L;
    private static final long SLASKIE = 9_002L;

    private static final String KIND = "index-test";

    @Autowired
    SearchIndex index;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @BeforeEach
    void entries() {
        put(
                "1",
                "Spółdzielnie socjalne w Małopolsce",
                "Pięć spółdzielni socjalnych zatrudniło w tym roku osoby "
                        + "wychodzące z bezdomności. Wsparcie ekonomii społecznej w powiatach.",
                MALOPOLSKIE,
                2026,
                Set.of(SearchAudience.PUBLIC));
        put(
                "2",
                "Raport o przedsiębiorstwach społecznych",
                "Ekonomia społeczna w liczbach: zatrudnienie i " + "przychody przedsiębiorstw społecznych.",
                SLASKIE,
                2025,
                Set.of(SearchAudience.PUBLIC));
        put(
                "3",
                "Notatka komitetu",
                "Tajny szczegół: wrzosowisko przy spółdzielniach omawiane na posiedzeniu.",
                MALOPOLSKIE,
                2026,
                SearchAudience.role(Role.COMMITTEE_MEMBER, MALOPOLSKIE));
    }

    private void put(String id, String title, String body, long region, int year, Set<String> audience) {
        index.put(new SearchEntry("test", id, KIND, region, year, title, body, "/test/" + id, audience));
    }

    private SearchResults search(String typed, @Nullable CurrentUser user) {
        // Only this test's entries: the demo data's are in the index too.
        return index.search(new SearchRequest(SearchQuery.parse(typed), KIND, null, null, 1), SearchAudience.of(user));
    }

    private List<String> ids(String typed, @Nullable CurrentUser user) {
        return search(typed, user).hits().stream()
                .filter(h -> h.source().equals("test"))
                .map(SearchResults.Hit::sourceId)
                .toList();
    }

    private static CurrentUser member(long region) {
        return new CurrentUser(
                1, "k@example.org", "K", List.of(new RoleAssignment(Role.COMMITTEE_MEMBER, region)), "pl");
    }

    @Test
    void anyFormFindsTheOthersAndTheTitleRanksFirst() {
        assertThat(ids("spółdzielnia", null)).containsExactly("1");
        assertThat(ids("spółdzielniach", null)).containsExactly("1");
        assertThat(ids("ekonomii społecznej", null)).containsExactlyInAnyOrder("1", "2");
        assertThat(ids("przedsiębiorstwo", null)).containsExactly("2");
    }

    static Stream<Arguments> table() {
        return Stream.concat(Arrays.stream(PolishWordsTests.MORPHOLOGY), Arrays.stream(PolishWordsTests.MISSPELLINGS))
                .map(row -> Arguments.of(row[0], row[1]));
    }

    /** The morphology table (docs/knowledge.md, "Wyszukiwanie"), each row over PostgreSQL. */
    @ParameterizedTest(name = "\"{0}\" finds \"{1}\"")
    @MethodSource("table")
    void theMorphologyTableHoldsOverPostgreSql(String query, String text) {
        put("m", "Notatka", "W tekście: " + text + ".", MALOPOLSKIE, 2026, Set.of(SearchAudience.PUBLIC));

        assertThat(ids(query, null)).as("\"%s\" finds \"%s\"", query, text).contains("m");
    }

    @Test
    void polishLettersAreOptionalAndAMisspellingIsTolerated() {
        assertThat(ids("spoldzielnia", null)).containsExactly("1");
        assertThat(ids("spoldzielni", null)).containsExactly("1");
        assertThat(ids("spułdzielnia", null)).containsExactly("1");
        assertThat(ids("przedsiebiorstwa", null)).containsExactly("2");
    }

    @Test
    void aPhraseInQuotesMatchesOnlyWordsSideBySide() {
        assertThat(ids("\"ekonomia społeczna\"", null)).containsExactlyInAnyOrder("1", "2");
        assertThat(ids("\"społeczna ekonomia\"", null)).isEmpty();
        assertThat(ids("\"zatrudnienie przychody\"", null)).isEmpty();
        assertThat(ids("zatrudnienie przychody", null)).containsExactly("2");
    }

    @Test
    void theExcerptMarksTheMatchedWordsInTheirOwnForm() {
        SearchResults.Hit hit = search("spółdzielnia", null).hits().get(0);

        assertThat(hit.excerpt())
                .filteredOn(SearchExcerpt.Fragment::match)
                .extracting(SearchExcerpt.Fragment::text)
                .contains("spółdzielni");
    }

    @Test
    void nobodyFindsCountsOrGuessesWhatTheyMayNotOpen() {
        // "wrzosowisko" stands only in the committee's internal note.
        assertThat(search("wrzosowisko", null)).isEqualTo(SearchResults.NONE);
        assertThat(search("wrzosowisko", member(SLASKIE)).total()).isZero();
        assertThat(ids("wrzosowisko", member(MALOPOLSKIE))).containsExactly("3");
        // A misspelling that only the internal vocabulary could correct reveals nothing either.
        assertThat(search("wrzosowiska", null).total()).isZero();
        // Counts and facets include only what the visitor may open.
        SearchResults anonymous = search("spółdzielnia", null);
        assertThat(anonymous.total()).isEqualTo(ids("spółdzielnia", null).size());
        assertThat(search("spółdzielnia", member(MALOPOLSKIE)).total()).isEqualTo(anonymous.total() + 1);
    }

    @Test
    void facetsCountByKindRegionAndYearAndFiltersNarrowTheResults() {
        SearchResults all = search("ekonomia", null);

        assertThat(all.regions()).containsEntry(MALOPOLSKIE, 1L).containsEntry(SLASKIE, 1L);
        assertThat(all.years()).containsEntry(2026, 1L).containsEntry(2025, 1L);
        SearchResults filtered = index.search(
                new SearchRequest(SearchQuery.parse("ekonomia"), KIND, SLASKIE, 2025, 1), SearchAudience.of(null));
        assertThat(filtered.hits()).extracting(SearchResults.Hit::sourceId).containsExactly("2");
        assertThat(filtered.total()).isEqualTo(1);
    }

    @Test
    void aChangedEntryIsFoundByItsNewWordsAndARemovedOneIsGone() {
        put(
                "1",
                "Centra integracji społecznej",
                "Nowy opis bez tamtego słowa.",
                MALOPOLSKIE,
                2026,
                Set.of(SearchAudience.PUBLIC));

        assertThat(ids("spółdzielnia", null)).isEmpty();
        assertThat(ids("centrum integracji", null)).containsExactly("1");

        index.remove("test", "1");

        assertThat(ids("integracja", null)).isEmpty();
    }

    @Test
    void pagesHoldTwentyResultsAndTheTotalCountsThemAll() {
        for (int i = 10; i < 35; i++) {
            put(
                    String.valueOf(i),
                    "Dotacja nr " + i,
                    "Dotacje dla podmiotów.",
                    SLASKIE,
                    2024,
                    Set.of(SearchAudience.PUBLIC));
        }
        SearchResults second = index.search(
                new SearchRequest(SearchQuery.parse("dotacja"), KIND, null, 2024, 2), SearchAudience.of(null));

        assertThat(second.total()).isEqualTo(25);
        assertThat(second.hits()).hasSize(5);
    }

    @Test
    void aQueryMatchingMoreThanAThousandCountsRanksAndPagesTheNewestThousandAndSaysThereAreMore() {
        int many = SearchIndex.CONSIDERED + 5;
        for (int i = 0; i < many; i++) {
            put(
                    "many-" + i,
                    "Wniosek " + i,
                    "Kooperatywa spożywcza prosi o wsparcie.",
                    i % 2 == 0 ? MALOPOLSKIE : SLASKIE,
                    2020 + i % 3,
                    Set.of(SearchAudience.PUBLIC));
        }
        // Five of them older than the rest: beyond the thousand newest.
        jdbc.sql("update search_entry set updated_at = updated_at - interval '1 day'"
                        + " where source = 'test' and source_id in ('many-0', 'many-1', 'many-2', 'many-3', 'many-4')")
                .update();

        SearchResults first = search("kooperatywy", null);

        assertThat(first.total()).isEqualTo(SearchIndex.CONSIDERED);
        assertThat(first.more()).isTrue();
        assertThat(first.kinds()).containsExactly(java.util.Map.entry(KIND, (long) SearchIndex.CONSIDERED));
        assertThat(first.regions().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(SearchIndex.CONSIDERED);
        assertThat(first.years().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(SearchIndex.CONSIDERED);
        assertThat(first.hits()).hasSize(SearchIndex.PAGE_SIZE);
        int lastPage = SearchIndex.CONSIDERED / SearchIndex.PAGE_SIZE;
        SearchResults last = index.search(
                new SearchRequest(SearchQuery.parse("kooperatywy"), KIND, null, null, lastPage),
                SearchAudience.of(null));
        assertThat(last.hits()).hasSize(SearchIndex.PAGE_SIZE);
        assertThat(last.hits())
                .extracting(SearchResults.Hit::sourceId)
                .doesNotContain("many-0", "many-1", "many-2", "many-3", "many-4");
        assertThat(index.search(
                                new SearchRequest(SearchQuery.parse("kooperatywy"), KIND, null, null, lastPage + 1),
                                SearchAudience.of(null))
                        .hits())
                .isEmpty();
        // Narrowed below the thousand, the count is exact again and the older ones are there.
        SearchResults narrowed = index.search(
                new SearchRequest(SearchQuery.parse("kooperatywy"), KIND, MALOPOLSKIE, 2020, 1),
                SearchAudience.of(null));
        long expected = java.util.stream.IntStream.range(0, many)
                .filter(i -> i % 2 == 0 && i % 3 == 0)
                .count();
        assertThat(narrowed.more()).isFalse();
        assertThat(narrowed.total()).isEqualTo(expected);
        int narrowedLast = (int) ((expected + SearchIndex.PAGE_SIZE - 1) / SearchIndex.PAGE_SIZE);
        assertThat(index.search(
                                new SearchRequest(
                                        SearchQuery.parse("kooperatywy"), KIND, MALOPOLSKIE, 2020, narrowedLast),
                                SearchAudience.of(null))
                        .hits()
                        .getLast()
                        .sourceId())
                .as("the oldest, last among equals")
                .isEqualTo("many-0");
    }

    @Test
    void hostileQueriesGiveResultsOrNothingNeverAnError() {
        List<String> hostile = NaughtyStrings.corpusAnd(List.of(
                "\"niezamknięty cudzysłów",
                "a & b | !c <-> d:* ' \\ \"",
                "'); drop table search_entry; --",
                "spółdzielnia ".repeat(900),
                "ą".repeat(10_000)));
        for (String typed : hostile) {
            assertThatCode(() -> search(typed, null)).as(typed).doesNotThrowAnyException();
        }
        assertThat(ids("spółdzielnia", null)).containsExactly("1");
    }

    @Test
    void theBackfillBuildsASourceOncePerVersionAndDropsWhatTheSourceNoLongerHas() {
        List<SearchEntry> held = new java.util.ArrayList<>();
        SearchSource source = new SearchSource() {
            @Override
            public String source() {
                return "backfill-test";
            }

            @Override
            public int version() {
                return held.size();
            }

            @Override
            public void entries(java.util.function.Consumer<SearchEntry> sink) {
                held.forEach(sink);
            }
        };
        SearchBackfill backfill = new SearchBackfill(List.of(source), index, jdbc, transactions);
        held.add(entry("a", "Kooperatywa piekarska"));
        held.add(entry("b", "Kooperatywa ogrodnicza"));

        assertThat(backfill.backfill(source)).isEqualTo(2);
        assertThat(backfill.backfill(source)).isEqualTo(-1);
        assertThat(search("kooperatywy", null).hits())
                .extracting(SearchResults.Hit::sourceId)
                .containsExactlyInAnyOrder("a", "b");

        held.remove(1);
        assertThat(backfill.backfill(source)).isEqualTo(1);
        assertThat(search("kooperatywy", null).hits())
                .extracting(SearchResults.Hit::sourceId)
                .containsExactly("a");
    }

    private static SearchEntry entry(String id, String title) {
        return new SearchEntry(
                "backfill-test", id, KIND, null, 2026, title, "", "/test/" + id, Set.of(SearchAudience.PUBLIC));
    }
}
