package pl.koordes.directory;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The regions and macroregions as {@link Directory} read them a moment ago: nearly every signed-in page names a
 * region or lists them (the home page, the account page, the workspaces), and they change only when an
 * administrator edits the directory. Forgotten when the directory changes (on this node once the change is
 * committed, on every node when it hears of it through {@link pl.koordes.shared.cluster.ClusterChanges}), and read
 * again after {@link #REFRESH} whatever happened, as a second line for a change made without the directory's write
 * paths. A transaction that writes always reads the database, so it sees its own changes.
 */
final class DirectoryLists {

    /** The longest a kept reading is used. */
    static final Duration REFRESH = Duration.ofMinutes(1);

    /** What was read, and when ({@link System#nanoTime()}). */
    record Lists(List<Region> regions, List<Macroregion> macroregions, long readAt) {}

    private final Supplier<List<Region>> regions;
    private final Supplier<List<Macroregion>> macroregions;
    private @Nullable Lists kept;
    /** Counts changes, so that a reading that started before a change is never kept. */
    private long generation;

    DirectoryLists(Supplier<List<Region>> regions, Supplier<List<Macroregion>> macroregions) {
        this.regions = regions;
        this.macroregions = macroregions;
    }

    Lists get() {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return read();
        }
        long seen;
        synchronized (this) {
            if (kept != null && System.nanoTime() - kept.readAt() < REFRESH.toNanos()) {
                return kept;
            }
            seen = generation;
        }
        Lists fresh = read();
        synchronized (this) {
            // An empty directory (a database still being filled) is not kept.
            if (generation == seen && !fresh.regions().isEmpty()) {
                kept = fresh;
            }
        }
        return fresh;
    }

    synchronized void forget() {
        generation++;
        kept = null;
    }

    private Lists read() {
        return new Lists(regions.get(), macroregions.get(), System.nanoTime());
    }
}
