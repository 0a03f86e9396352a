package pl.koordes.shared.cluster;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import pl.koordes.shared.database.AfterTransaction;

/**
 * What a request reads often and people change rarely (the article a comment goes under, the event a registration
 * is for), kept in this node's memory by key, and forgotten on every change: on this node once the change's
 * transaction has ended, on every node when it hears of it through {@link ClusterChanges} (within
 * {@link ClusterChanges#BOUND}). A reading that started before a change is never kept (a generation counts the
 * changes), and a transaction that writes always reads the database and keeps nothing it read (it may roll back).
 * The owner calls {@link #changed} in the transaction of each change, and {@link #forget} now and then as a second
 * line, for a change made without the write paths (by hand in SQL, say).
 *
 * @param <K> what a value is kept by
 * @param <V> the value; it must not change once read
 */
public final class KeptReads<K, V> {

    private final ClusterChanges changes;
    private final String kind;
    private final int maxEntries;
    private final Map<K, V> kept = new ConcurrentHashMap<>();
    /** Counts forgettings, so that a reading that started before one is never kept. */
    private long generation;

    /**
     * @param kind the {@link ClusterChanges} kind its changes are announced and heard as
     * @param maxEntries at most this many values are kept; when full, all are forgotten (rare: one per key read)
     */
    public KeptReads(ClusterChanges changes, String kind, int maxEntries) {
        this.changes = changes;
        this.kind = kind;
        this.maxEntries = maxEntries;
        changes.onChange(kind, this::forget);
    }

    /** The value of {@code key} from memory, else what {@code read} finds (kept only when found). */
    public Optional<V> find(K key, Supplier<Optional<V>> read) {
        if (writing()) {
            // It may see its own changes, which can still roll back: neither served from memory nor kept.
            return read.get();
        }
        V value = kept.get(key);
        if (value != null) {
            return Optional.of(value);
        }
        long seen = generation();
        Optional<V> found = read.get();
        found.ifPresent(fresh -> keep(key, fresh, seen));
        return found;
    }

    /** The value of {@code key} from memory, else what {@code read} gives (then kept). */
    public V get(K key, Supplier<V> read) {
        return find(key, () -> Optional.of(read.get())).orElseThrow();
    }

    /** Something kept changed: call it in the change's transaction, so every node forgets once it commits. */
    public void changed() {
        changes.changed(kind);
        AfterTransaction.run(this::forget);
    }

    /** Forgets everything kept, on this node. */
    public synchronized void forget() {
        generation++;
        kept.clear();
    }

    private synchronized void keep(K key, V value, long seen) {
        if (seen != generation) {
            return;
        }
        if (kept.size() >= maxEntries) {
            kept.clear();
        }
        kept.put(key, value);
    }

    private synchronized long generation() {
        return generation;
    }

    private static boolean writing() {
        return TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
    }
}
