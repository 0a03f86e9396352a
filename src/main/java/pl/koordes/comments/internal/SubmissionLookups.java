package pl.koordes.comments.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import pl.koordes.comments.BannedPhrasesChanged;
import pl.koordes.content.ContentChanged;
import pl.koordes.content.PublishedArticles;
import pl.koordes.shared.cluster.ClusterChanges;
import pl.koordes.shared.cluster.KeptReads;

/**
 * What every comment submission reads and editors change rarely, kept per node ({@link KeptReads}): the published
 * articles found by their address (only the found ones, at most {@value #ARTICLES} of them) and the banned phrases,
 * already folded for comparison. Forgotten when an editor changes an article, respectively the banned phrases, and
 * every minute.
 */
@Component
public class SubmissionLookups {

    /** The {@link ClusterChanges} kinds this class announces and hears. */
    static final String ARTICLES_CHANGED = "comments-articles";

    static final String PHRASES_CHANGED = "comments-banned-phrases";

    /** At most this many articles are kept. */
    static final int ARTICLES = 1_000;

    /** A banned phrase as submissions compare it. */
    record Phrase(String comparable) {}

    private final PublishedArticles articles;
    private final CommentStore store;
    private final KeptReads<String, Subject> articlesBySlug;
    private final KeptReads<Boolean, List<Phrase>> phrases;

    SubmissionLookups(PublishedArticles articles, CommentStore store, ClusterChanges changes) {
        this.articles = articles;
        this.store = store;
        this.articlesBySlug = new KeptReads<>(changes, ARTICLES_CHANGED, ARTICLES);
        this.phrases = new KeptReads<>(changes, PHRASES_CHANGED, 1);
    }

    /** The published article at this address, as comments hang under it. */
    public Optional<Subject> article(String slug) {
        return articlesBySlug.find(slug, () -> articles.findBySlug(slug).map(Subjects::of));
    }

    /** The banned phrases, folded by {@link PlainText#comparable}. */
    List<Phrase> bannedPhrases() {
        return phrases.get(
                Boolean.TRUE,
                () -> store.bannedPhrases().stream()
                        .map(p -> new Phrase(PlainText.comparable(p.phrase())))
                        .toList());
    }

    @EventListener
    void articleChanged(ContentChanged change) {
        if ("article".equals(change.targetType())) {
            articlesBySlug.changed();
        }
    }

    @EventListener
    void bannedPhrasesChanged(BannedPhrasesChanged change) {
        phrases.changed();
    }

    /** The second line, for a change made without the write paths (by hand in SQL, say). */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void forget() {
        articlesBySlug.forget();
        phrases.forget();
    }
}
