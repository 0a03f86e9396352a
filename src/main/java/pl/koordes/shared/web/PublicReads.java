package pl.koordes.shared.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What public pages read, kept for the signed-in people who see those pages, under the rules of the page cache that
 * anonymous visitors get them from ({@link AnonymousPageCache}): read again after its time to live
 * ({@link PageCacheProperties#ttl()}, 5 s) and at once after a change made through this node (whenever that cache
 * forgets its pages). So a signed-in person sees a public list exactly as fresh as a visitor does, and a change made
 * on another node within the same documented time. Without the page cache (switched off) nothing is kept.
 *
 * <p>Only for what is the same for everyone who may see the page (a public list, a page's blocks), never for what
 * depends on the person; the values kept must not change once read.
 */
@Component
public class PublicReads {

    private final @Nullable AnonymousPageCache pageCache;
    private final long ttlNanos;

    PublicReads(ObjectProvider<AnonymousPageCache> pageCache, PageCacheProperties properties) {
        this.pageCache = pageCache.getIfAvailable();
        this.ttlNanos = properties.ttl().toNanos();
    }

    /** A new keeper of up to {@code maxEntries} reads (the least used go first). */
    public <K, V> Kept<K, V> kept(int maxEntries) {
        return new Kept<>(maxEntries);
    }

    /** Reads of one kind, by key. */
    public final class Kept<K, V> {

        private record Entry<V>(V value, long readAt, long forgotten) {}

        private final Cache<K, Entry<V>> entries;

        private Kept(int maxEntries) {
            this.entries = Caffeine.newBuilder().maximumSize(maxEntries).build();
        }

        /** The kept value of {@code key} if still fresh, else what {@code read} gives now (then kept). */
        public V get(K key, Supplier<V> read) {
            AnonymousPageCache cache = pageCache;
            if (cache == null) {
                return read.get();
            }
            // Read before the value: a change made while it is read moves it, and the value is read again next time.
            long forgotten = cache.forgotten();
            Entry<V> current = entries.getIfPresent(key);
            if (current != null
                    && current.forgotten() == forgotten
                    && System.nanoTime() - current.readAt() < ttlNanos) {
                return current.value();
            }
            long readAt = System.nanoTime();
            V fresh = read.get();
            entries.put(key, new Entry<>(fresh, readAt, forgotten));
            return fresh;
        }
    }
}
