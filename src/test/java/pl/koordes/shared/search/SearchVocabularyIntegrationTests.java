package pl.koordes.shared.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.support.IntegrationTest;

/**
 * The vocabulary of misspellings while two writers index at once: a write path that indexes a new word never waits
 * for another, uncommitted transaction that indexed the same word (with a unique key it waited until that one
 * ended, and two transactions each putting several entries deadlocked), and the misspelling lookup still finds the
 * word once.
 */
@IntegrationTest
class SearchVocabularyIntegrationTests {

    private static final String SOURCE = "vocabulary-test";

    /** Words no demo text has, so the vocabulary lacks them until this test. */
    private static final String FIRST = "Wrzosowiskoxq";

    private static final String SECOND = "Paprociowiskoxq";

    @Autowired
    SearchIndex index;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from search_entry where source = :s")
                .param("s", SOURCE)
                .update();
        jdbc.sql("delete from search_lexeme where lexeme in ('wrzosowiskoxq', 'paprociowiskoxq')")
                .update();
    }

    @Test
    void aWriterIndexingANewWordDoesNotWaitForAnotherThatIndexedItAndHasNotCommitted() throws Exception {
        // Threads of its own: the common pool may have a single worker on two cores, and the first writer holds it.
        ExecutorService writers = Executors.newFixedThreadPool(2);
        CountDownLatch firstPut = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // The first writer puts both new words and holds its transaction open, as a long write path would.
        CompletableFuture<Void> holding = CompletableFuture.runAsync(
                () -> transactions.executeWithoutResult(status -> {
                    put("1", FIRST + " i " + SECOND);
                    firstPut.countDown();
                    await(release);
                }),
                writers);
        try {
            assertThat(firstPut.await(60, TimeUnit.SECONDS)).isTrue();
            // The second writer puts the same new words in the other order and commits while the first is open.
            CompletableFuture<Void> second = CompletableFuture.runAsync(
                    () -> transactions.executeWithoutResult(status -> {
                        put("2", SECOND + " oraz " + FIRST);
                        put("3", FIRST);
                    }),
                    writers);
            second.get(60, TimeUnit.SECONDS);
        } finally {
            release.countDown();
        }
        holding.get(60, TimeUnit.SECONDS);
        writers.shutdown();

        // Both committed; a misspelt query finds the entries through the vocabulary, each once.
        SearchResults found = index.search(
                new SearchRequest(SearchQuery.parse("wrzosowiskoxk"), SOURCE, null, null, 1),
                Set.of(SearchAudience.PUBLIC));
        assertThat(found.hits()).extracting(SearchResults.Hit::sourceId).containsExactlyInAnyOrder("1", "2", "3");
        List<String> terms = jdbc.sql("select distinct lexeme from search_lexeme where lexeme like '%xq'")
                .query(String.class)
                .list();
        assertThat(terms).containsExactlyInAnyOrder("wrzosowiskoxq", "paprociowiskoxq");
    }

    private void put(String id, String text) {
        index.put(new SearchEntry(
                SOURCE, id, SOURCE, null, 2026, text, text, "/test/" + id, Set.of(SearchAudience.PUBLIC)));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
