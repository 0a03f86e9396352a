package pl.koordes.comments.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import pl.koordes.comments.BannedPhrasesChanged;
import pl.koordes.content.ContentChanged;
import pl.koordes.content.PublishedArticles;
import pl.koordes.shared.cluster.ClusterChanges;
import pl.koordes.shared.database.AfterTransaction;

/**
 * What every comment submission reads and editors change rarely, kept per node: the published articles found by
 * their address (only the found ones, at most {@value #ARTICLES} of them) and the banned phrases, already folded
 * for comparison. Forgotten when an editor changes an article or the banned phrases: on this node once the change's
 * transaction has ended, on every node when it hears of it through {@link ClusterChanges} (within
 * {@link ClusterChanges#BOUND}), and every minute as a second line. A reading that started before a change is never
 * kept (a generation counts the changes). A transaction that writes always reads the database.
 */
@Component
public class SubmissionLookups {

    /** The {@link ClusterChanges} kinds this class announces and hears. */
    static final String ARTICLES_CHANGED = "comments-articles";

    static final String PHRASES_CHANGED = "comments-banned-phrases";

    /** At most this many articles are kept; when full, the whole map is forgotten (rare: one per article read). */
    static final int ARTICLES = 1_000;

    /** A banned phrase as submissions compare it. */
    record Phrase(String comparable) {}

    private final PublishedArticles articles;
    private final CommentStore store;
    private final ClusterChanges changes;
    private final Map<String, Subject> articlesBySlug = new ConcurrentHashMap<>();
    private volatile @Nullable List<Phrase> phrases;
    /** Counts forgettings, so that a reading that started before one is never kept. */
    private long generation;

    SubmissionLookups(PublishedArticles articles, CommentStore store, ClusterChanges changes) {
        this.articles = articles;
        this.store = store;
        this.changes = changes;
        changes.onChange(ARTICLES_CHANGED, this::forget);
        changes.onChange(PHRASES_CHANGED, this::forget);
    }

    /** The published article at this address, as comments hang under it. */
    public Optional<Subject> article(String slug) {
        Subject kept = articlesBySlug.get(slug);
        if (kept != null && !writing()) {
            return Optional.of(kept);
        }
        long seen = generation();
        Optional<Subject> found = articles.findBySlug(slug).map(Subjects::of);
        found.ifPresent(subject -> {
            synchronized (this) {
                if (seen == generation) {
                    if (articlesBySlug.size() >= ARTICLES) {
                        articlesBySlug.clear();
                    }
                    articlesBySlug.put(slug, subject);
                }
            }
        });
        return found;
    }

    /** The banned phrases, folded by {@link PlainText#comparable}. */
    List<Phrase> bannedPhrases() {
        List<Phrase> kept = phrases;
        if (kept != null && !writing()) {
            return kept;
        }
        long seen = generation();
        List<Phrase> fresh = store.bannedPhrases().stream()
                .map(p -> new Phrase(PlainText.comparable(p.phrase())))
                .toList();
        synchronized (this) {
            if (seen == generation) {
                phrases = fresh;
            }
        }
        return fresh;
    }

    @EventListener
    void articleChanged(ContentChanged change) {
        if ("article".equals(change.targetType())) {
            changes.changed(ARTICLES_CHANGED);
            AfterTransaction.run(this::forget);
        }
    }

    @EventListener
    void bannedPhrasesChanged(BannedPhrasesChanged change) {
        changes.changed(PHRASES_CHANGED);
        AfterTransaction.run(this::forget);
    }

    /** The second line, for a change made without the write paths (by hand in SQL, say). */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    synchronized void forget() {
        generation++;
        articlesBySlug.clear();
        phrases = null;
    }

    private synchronized long generation() {
        return generation;
    }

    private static boolean writing() {
        return TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
    }
}
