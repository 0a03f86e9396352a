package pl.koordes.knowledge.internal.discussions;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.shared.web.Paged;

/**
 * Reads threads and posts. Every read names the space (and a post its thread), so an id from another space
 * finds nothing. A page of threads or posts is two statements at most whatever its length.
 */
@Repository
@Transactional(readOnly = true)
public class ThreadStore {

    private final JdbcClient jdbc;

    ThreadStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The space's threads, the one with the newest post first. */
    public Paged<DiscussionThread> threads(long spaceId, int requested) {
        long total = jdbc.sql("select count(*) from discussion_thread where space_id = :s")
                .param("s", spaceId)
                .query(Long.class)
                .single();
        int size = SpacePaths.THREADS_PER_PAGE;
        int number = Paged.within(requested, total, size);
        List<DiscussionThread> rows = total == 0
                ? List.of()
                : jdbc.sql("select " + DiscussionThread.COLUMNS + DiscussionThread.FROM
                                + " where t.space_id = :s order by t.last_post_at desc, t.id desc"
                                + " limit :limit offset :offset")
                        .param("s", spaceId)
                        .param("limit", size)
                        .param("offset", Paged.offset(number, size))
                        .query(DiscussionThread::of)
                        .list();
        return new Paged<>(rows, number, size, total);
    }

    public Optional<DiscussionThread> thread(long spaceId, long id) {
        return jdbc.sql("select " + DiscussionThread.COLUMNS + DiscussionThread.FROM
                        + " where t.id = :id and t.space_id = :s")
                .param("id", id)
                .param("s", spaceId)
                .query(DiscussionThread::of)
                .optional();
    }

    /** One page of the thread's posts in order; the count is the thread's own. */
    public Paged<DiscussionPost> posts(DiscussionThread thread, int requested) {
        int size = SpacePaths.POSTS_PER_PAGE;
        int number = Paged.within(requested, thread.postCount(), size);
        long first = Paged.offset(number, size);
        List<DiscussionPost> rows = jdbc.sql("select " + DiscussionPost.COLUMNS + DiscussionPost.FROM
                        + " where p.thread_id = :t order by p.id limit :limit offset :offset")
                .param("t", thread.id())
                .param("limit", size)
                .param("offset", first)
                .query((rs, n) -> DiscussionPost.of(rs, first + n + 1))
                .list();
        return new Paged<>(rows, number, size, thread.postCount());
    }

    /** A post of the thread with its place in it. */
    public Optional<DiscussionPost> post(long threadId, long id) {
        return jdbc.sql("select " + DiscussionPost.COLUMNS + ","
                        + " (select count(*) from discussion_post o where o.thread_id = p.thread_id and o.id <= p.id)"
                        + " as position" + DiscussionPost.FROM + " where p.id = :id and p.thread_id = :t")
                .param("id", id)
                .param("t", threadId)
                .query((rs, n) -> DiscussionPost.of(rs, rs.getLong("position")))
                .optional();
    }

    /** Whether the person follows the space, and the thread. */
    public boolean[] following(long accountId, long spaceId, long threadId) {
        return jdbc.sql("""
                        select coalesce(bool_or(space_id = :s), false), coalesce(bool_or(thread_id = :t), false)
                        from discussion_subscription where account_id = :a and (space_id = :s or thread_id = :t)
                        """)
                .param("a", accountId)
                .param("s", spaceId)
                .param("t", threadId)
                .query((rs, n) -> new boolean[] {rs.getBoolean(1), rs.getBoolean(2)})
                .single();
    }
}
