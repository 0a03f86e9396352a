package pl.koordes.content.internal;

import java.time.Clock;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import pl.koordes.shared.cluster.ClusterChanges;
import pl.koordes.shared.cluster.KeptReads;
import pl.koordes.shared.web.Paged;

/**
 * The editors' list of articles as {@link EditorArticles#list} reads it, kept per node ({@link KeptReads}) by page:
 * editors come back to it after every article, and its two statements in a transaction of their own were a third of
 * the page's cost, though the articles change only when an editor saves one. {@link ArticleManagement} forgets it in
 * the transaction of every creation, save (an unchanged one too: it is a new revision) and deletion, on every node
 * through {@link ClusterChanges}; and it is forgotten every minute as a second line. A scheduled article becomes
 * published with the clock, so each row's state is worked out again when the list is served.
 */
@Component
public class KeptArticleList {

    /** The {@link ClusterChanges} kind of a change to an article. */
    static final String CHANGED = "content-articles";

    /** At most this many pages of the list are kept. */
    static final int PAGES = 100;

    private record Key(int page, int size) {}

    private final EditorArticles articles;
    private final Clock clock;
    private final KeptReads<Key, Paged<EditorArticles.Row>> kept;

    KeptArticleList(EditorArticles articles, Clock clock, ClusterChanges changes) {
        this.articles = articles;
        this.clock = clock;
        this.kept = new KeptReads<>(changes, CHANGED, PAGES);
    }

    /** The page of the list as {@link EditorArticles#list} gives it, from memory when kept. */
    public Paged<EditorArticles.Row> list(int page, int size) {
        Paged<EditorArticles.Row> listed = kept.get(new Key(page, size), () -> articles.list(page, size));
        Instant now = clock.instant();
        return new Paged<>(
                listed.items().stream().map(row -> row.at(now)).toList(),
                listed.number(),
                listed.size(),
                listed.total());
    }

    /** An article was created, saved or deleted: in the transaction of the change. */
    void changed() {
        kept.changed();
    }

    /** The second line, for a change made without the write paths (by hand in SQL). */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    public void forget() {
        kept.forget();
    }
}
