package pl.koordes.comments.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;
import pl.koordes.comments.Comment;
import pl.koordes.comments.CommentState;
import pl.koordes.comments.internal.CommentStore;
import pl.koordes.comments.internal.Comments;
import pl.koordes.comments.internal.Subject;
import pl.koordes.shared.web.Paged;

/**
 * The moderation queue page: the filter as chosen, the comments, counts per state and the titles of
 * the articles and postulates involved.
 *
 * @param filter the state filter as in the address: a state name, {@code ZGLOSZONE} or empty for all
 */
public record QueueView(
        String filter,
        @Nullable Long articleId,
        Paged<Comment> comments,
        Comments.QueueCounts counts,
        List<Long> commentedArticles,
        Map<Long, String> articleTitles,
        Map<CommentStore.Key, Subject> subjects) {

    /** The queue's address. */
    static final String QUEUE = "/redakcja/komentarze";

    public static final String REPORTED = "ZGLOSZONE";

    public String articleTitle(long id) {
        return articleTitles.getOrDefault(id, "#" + id);
    }

    /** What the comment hangs under, with its link; null when it is not public (an unpublished article). */
    public @Nullable Subject subject(Comment comment) {
        return subjects.get(new CommentStore.Key(comment.subject(), comment.articleId()));
    }

    public boolean published(long id) {
        return articleTitles.containsKey(id);
    }

    public long count(CommentState state) {
        return counts.byState().getOrDefault(state, 0L);
    }

    /** How many comments readers reported and no editor has looked at since. */
    public long reported() {
        return counts.reported();
    }

    /** Whether the queue shows the reported comments. */
    public boolean showsReported() {
        return REPORTED.equals(filter);
    }

    /** The queue's address with these filters and page, for links and redirects. */
    public String url(int number) {
        return queueUrl(filter, articleId, number);
    }

    static String queueUrl(String filter, @Nullable Long articleId, int number) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(QUEUE).queryParam("stan", filter);
        if (articleId != null) {
            url.queryParam("artykul", articleId);
        }
        if (number > 1) {
            url.queryParam("strona", number);
        }
        return url.build().toUriString();
    }
}
