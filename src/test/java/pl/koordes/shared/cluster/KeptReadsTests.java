package pl.koordes.shared.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What {@link KeptReads} keeps: a found value until it is forgotten, never an absent one, never a value read while
 * a change was being forgotten, and no more than its bound. (Its notices between nodes are tested with the database:
 * {@code KeptEventsIntegrationTests}, {@code CommentSubmissionLookupsIntegrationTests}.)
 */
class KeptReadsTests {

    // Never asked anything here: only find, get and forget are used, which do not talk to the database.
    private final DriverManagerDataSource unused = new DriverManagerDataSource();
    private final KeptReads<String, String> kept =
            new KeptReads<>(new ClusterChanges(JdbcClient.create(unused), unused), "test", 2);
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void aFoundValueIsReadOnceUntilForgotten() {
        assertThat(kept.find("a", () -> read("A"))).contains("A");
        assertThat(kept.find("a", () -> read("B"))).contains("A");
        assertThat(reads).hasValue(1);

        kept.forget();

        assertThat(kept.find("a", () -> read("B"))).contains("B");
        assertThat(reads).hasValue(2);
    }

    @Test
    void anAbsentValueIsReadEveryTime() {
        assertThat(kept.find("a", () -> {
                    reads.incrementAndGet();
                    return Optional.empty();
                }))
                .isEmpty();
        assertThat(kept.find("a", () -> read("A"))).contains("A");
        assertThat(reads).hasValue(2);
    }

    @Test
    void aValueReadWhileAChangeWasForgottenIsNotKept() {
        assertThat(kept.find("a", () -> {
                    kept.forget();
                    return read("old");
                }))
                .contains("old");
        assertThat(kept.find("a", () -> read("new"))).contains("new");
        assertThat(kept.find("a", () -> read("newer"))).contains("new");
    }

    @Test
    void aTransactionThatWritesReadsTheDatabaseAndKeepsNothing() {
        assertThat(kept.find("a", () -> read("A"))).contains("A");
        TransactionSynchronizationManager.setActualTransactionActive(true);
        TransactionSynchronizationManager.setCurrentTransactionReadOnly(false);
        try {
            assertThat(kept.find("a", () -> read("changed, not yet committed"))).contains("changed, not yet committed");
            assertThat(kept.find("b", () -> read("B, not yet committed"))).contains("B, not yet committed");
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        // Rolled back, say: what the transaction read was not kept.
        assertThat(kept.find("a", () -> read("A again"))).contains("A");
        assertThat(kept.find("b", () -> read("B"))).contains("B");
        assertThat(reads).hasValue(4);
    }

    @Test
    void whenFullEverythingIsForgotten() {
        kept.get("a", () -> "A");
        kept.get("b", () -> "B");
        kept.get("c", () -> "C");

        assertThat(kept.get("a", () -> "A again")).isEqualTo("A again");
        assertThat(kept.get("c", () -> "C again")).isEqualTo("C");
    }

    private Optional<String> read(String value) {
        reads.incrementAndGet();
        return Optional.of(value);
    }
}
