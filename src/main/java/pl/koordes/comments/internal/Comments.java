package pl.koordes.comments.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.comments.Comment;
import pl.koordes.comments.CommentState;
import pl.koordes.shared.web.Paged;

/** Reading comments: the public list under an article or a postulate, and the moderation queue. */
@Service
@Transactional(readOnly = true)
public class Comments {

    private final CommentStore store;
    private final CommentThreads threads;
    private final CommentsProperties properties;

    Comments(CommentStore store, CommentThreads threads, CommentsProperties properties) {
        this.store = store;
        this.threads = threads;
        this.properties = properties;
    }

    /** The public state of a subject's comments: a revision for caches and the number of approved comments. */
    public record Thread(long revision, int approved) {}

    public Thread thread(CommentStore.Key subject) {
        return threads.thread(subject)
                .map(t -> new Thread(t.revision(), t.approved()))
                .orElse(new Thread(0, 0));
    }

    /** A page of approved comments, oldest first; {@code total} is the thread's count given by the caller. */
    public Paged<Comment> approved(CommentStore.Key subject, int number, long total) {
        int size = properties.pageSize();
        List<Comment> items = total == 0 ? List.of() : store.approved(subject, Paged.offset(number, size), size);
        return new Paged<>(items, number, size, total);
    }

    public Optional<Comment> byId(long id) {
        return store.byId(id);
    }

    /**
     * What the moderation queue shows.
     *
     * @param state null for every state
     * @param reportedOnly only comments that readers reported and no editor has looked at since
     * @param articleId null for every article
     */
    public record QueueFilter(
            @Nullable CommentState state,
            boolean reportedOnly,
            @Nullable Long articleId) {}

    public Paged<Comment> queue(QueueFilter filter, int number) {
        int size = properties.queuePageSize();
        CommentStore.Filter f = new CommentStore.Filter(filter.state(), filter.reportedOnly(), filter.articleId());
        long total = store.count(f);
        List<Comment> items = total == 0 ? List.of() : store.queue(f, Paged.offset(number, size), size);
        return new Paged<>(items, number, size, total);
    }

    /** How many comments there are in each state, and how many readers reported (and no editor has looked at since). */
    public record QueueCounts(Map<CommentState, Long> byState, long reported) {}

    public QueueCounts counts() {
        CommentStore.Counts counts = store.counts();
        return new QueueCounts(counts.byState(), counts.reported());
    }

    /** Articles with comments, most recently commented first, for the queue's filter. */
    public List<Long> commentedArticles() {
        return store.commentedArticles(200);
    }
}
