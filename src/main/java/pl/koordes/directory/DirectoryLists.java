package pl.koordes.directory;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import pl.koordes.shared.cluster.ClusterChanges;
import pl.koordes.shared.database.AfterTransaction;

/**
 * The regions and macroregions as {@link Directory} read them a moment ago: nearly every signed-in page names a
 * region or lists them (the home page, the account page, the workspaces), and they change only when an
 * administrator edits the directory. Forgotten when the directory changes (on this node once the change is
 * committed, before the pages' caches that read them again; on every node when it hears of it through
 * {@link ClusterChanges}), and read again in the background every minute as a second line for a change made
 * without the directory's write paths. A page view reads them only after they were forgotten, so a page's
 * statements do not depend on the clock. A transaction that writes always reads the database, so it sees its own
 * changes.
 */
@Component
class DirectoryLists {

    /** What was read. */
    record Lists(List<Region> regions, List<Macroregion> macroregions) {}

    private final JdbcClient jdbc;
    private @Nullable Lists kept;
    /** Counts changes, so that a reading that started before a change is never kept. */
    private long generation;

    DirectoryLists(JdbcClient jdbc, ClusterChanges changes) {
        this.jdbc = jdbc;
        changes.onChange(DirectoryChanged.CLUSTER_KIND, this::forget);
    }

    Lists get() {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return read();
        }
        long seen;
        synchronized (this) {
            if (kept != null) {
                return kept;
            }
            seen = generation;
        }
        Lists fresh = read();
        keep(seen, fresh);
        return fresh;
    }

    /** Read again in the background, for a change made without the directory's write paths. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void refresh() {
        long seen;
        synchronized (this) {
            seen = generation;
        }
        keep(seen, read());
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void directoryChanged(DirectoryChanged change) {
        AfterTransaction.run(this::forget);
    }

    synchronized void forget() {
        generation++;
        kept = null;
    }

    private synchronized void keep(long seen, Lists fresh) {
        // An empty directory (a database still being filled) is not kept.
        if (generation == seen && !fresh.regions().isEmpty()) {
            kept = fresh;
        }
    }

    private Lists read() {
        List<Region> regions = jdbc.sql(Directory.REGION_SELECT).query(Directory::region).list().stream()
                .sorted(RegionOrder.POLISH)
                .toList();
        List<Macroregion> macroregions = jdbc.sql(
                        "select id, code, slug, name_pl, name_en from macroregion order by sort_order, code")
                .query((rs, n) -> Macroregion.of(rs, ""))
                .list();
        return new Lists(regions, macroregions);
    }
}
