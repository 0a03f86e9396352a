package pl.koordes.comments.internal;

import java.util.Collection;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import pl.koordes.comments.CommentSubject;
import pl.koordes.comments.internal.CommentStore.Key;

/**
 * The bookkeeping of a subject's comments ({@code comments_thread}): a revision that changes whenever something
 * public about them changes (the key of the cached list) and the count of published comments; the comments
 * themselves are {@link CommentStore}'s. Every method is one statement.
 */
@Repository
public class CommentThreads {

    private final JdbcClient jdbc;

    CommentThreads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A published thread's cache key and public count. */
    public record Thread(long revision, int approved) {}

    public Optional<Thread> thread(Key subject) {
        return jdbc.sql(
                        "select revision, approved from comments_thread where subject = :subject and article_id = :article")
                .param("subject", subject.subject().name())
                .param("article", subject.id())
                .query((rs, n) -> new Thread(rs.getLong(1), rs.getInt(2)))
                .optional();
    }

    /**
     * Something public about these articles' comments changed: a new revision and a fresh count. The rows are
     * taken in the order of their ids, so that two moderations of the same articles at once wait rather than
     * deadlock.
     */
    public void touchThreads(Collection<Long> articleIds) {
        touchThreads(CommentSubject.ARTICLE, articleIds);
    }

    /**
     * As {@link #touchThreads(Collection)}, for subjects of any kind: articles first, then postulates, each in
     * the order of their ids.
     */
    public void touchSubjects(Collection<Key> subjects) {
        for (CommentSubject kind : CommentSubject.values()) {
            touchThreads(
                    kind,
                    subjects.stream()
                            .filter(k -> k.subject() == kind)
                            .map(Key::id)
                            .toList());
        }
    }

    /** As {@link #touchThreads(Collection)}, for subjects of one kind. */
    public void touchThreads(CommentSubject subject, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into comments_thread (subject, article_id, revision, approved)
                select :subject, a.id, 1, (select count(*) from comments_comment c
                                           where c.subject = :subject and c.article_id = a.id and c.state = 'APPROVED')
                from unnest(:ids::bigint[]) as a(id)
                on conflict (subject, article_id) do update
                    set revision = comments_thread.revision + 1, approved = excluded.approved""")
                .param("subject", subject.name())
                .param(
                        "ids",
                        CommentStore.arrayLiteral(ids.stream()
                                .distinct()
                                .sorted()
                                .map(String::valueOf)
                                .toList()))
                .update();
    }
}
