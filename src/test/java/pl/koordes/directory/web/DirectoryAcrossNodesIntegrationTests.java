package pl.koordes.directory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.directory.Directory;
import pl.koordes.directory.DirectoryChanged;
import pl.koordes.directory.Region;
import pl.koordes.shared.cluster.ClusterChanges;
import pl.koordes.shared.cluster.ClusterChangesAccess;
import pl.koordes.support.IntegrationTest;

/**
 * Issue 19: a change made on node A shows on node B within {@link ClusterChanges#BOUND}. This application is
 * node B; node A is a second {@link ClusterChanges} on the same database, writing as node A's directory module
 * does (the change and its notice in one transaction). A notice in a transaction that rolls back reaches nobody;
 * when B's listening connection is cut, B drops everything it keeps once it listens again.
 */
@IntegrationTest
class DirectoryAcrossNodesIntegrationTests {

    @Autowired
    DirectoryPageCache cache;

    @Autowired
    ClusterChanges nodeB;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aDirectoryChangeCommittedOnAnotherNodeShowsHereWithinTheBound() {
        ClusterChanges nodeA = ClusterChangesAccess.node(jdbc, dataSource);
        await().atMost(Duration.ofSeconds(30)).until(nodeB::listening);
        Region before = region(cache.listing(), "malopolskie");
        String renamed = before.namePl() + " (zmiana na węźle A)";
        try {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("update region set name_pl = :name where slug = 'malopolskie'")
                        .param("name", renamed)
                        .update();
                nodeA.changed(DirectoryChanged.CLUSTER_KIND);
            });

            await().atMost(ClusterChanges.BOUND)
                    .until(() -> region(cache.listing(), "malopolskie").namePl(), renamed::equals);
            // The regions every page reads through Directory (kept, no statement) changed as well.
            assertThat(directory.region("malopolskie").orElseThrow().namePl()).isEqualTo(renamed);
            assertThat(directory.regions()).extracting(Region::namePl).contains(renamed);
        } finally {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("update region set name_pl = :name where slug = 'malopolskie'")
                        .param("name", before.namePl())
                        .update();
                nodeA.changed(DirectoryChanged.CLUSTER_KIND);
            });
            await().atMost(ClusterChanges.BOUND)
                    .until(() -> region(cache.listing(), "malopolskie").namePl(), before.namePl()::equals);
        }
    }

    @Test
    void aNoticeOfARolledBackChangeReachesNobodyAndALostConnectionDropsEverything() {
        await().atMost(Duration.ofSeconds(30)).until(nodeB::listening);
        AtomicInteger heard = new AtomicInteger();
        nodeB.onChange("test-rolled-back", heard::incrementAndGet);
        transactions.executeWithoutResult(status -> {
            nodeB.changed("test-rolled-back");
            status.setRollbackOnly();
        });
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> heard.get() == 0);

        transactions.executeWithoutResult(status -> nodeB.changed("test-rolled-back"));
        await().atMost(ClusterChanges.BOUND).until(() -> heard.get() == 1);

        // The listening connection is cut (the database restarted, a network hiccup): once back, every action runs.
        jdbc.sql("""
                        select pg_terminate_backend(pid) from pg_stat_activity
                        where query = 'LISTEN koordes_changes' and pid <> pg_backend_pid()""").query(rs -> {});
        await().atMost(Duration.ofSeconds(30)).until(() -> heard.get() >= 2 && nodeB.listening());
    }

    private static Region region(DirectoryPageCache.Listing listing, String slug) {
        return listing.regions().stream()
                .filter(r -> r.slug().equals(slug))
                .findFirst()
                .orElseThrow();
    }
}
