package pl.koordes.knowledge.internal.discussions;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.knowledge.DiscussionAction;
import pl.koordes.knowledge.DiscussionChanged;
import pl.koordes.shared.security.CurrentUser;

/**
 * A moderator's work ({@link SpacePermissions#canModerate}, asked by the controller): hiding a post with a reason
 * (it leaves the search index at once; readers see a placeholder with the reason), restoring it, and locking or
 * unlocking a thread. Each change is audited; doing what is already done changes nothing and records nothing.
 */
@Service
public class PostModeration {

    private final JdbcClient jdbc;
    private final DiscussionSearch search;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    PostModeration(JdbcClient jdbc, DiscussionSearch search, ApplicationEventPublisher publisher, Clock clock) {
        this.jdbc = jdbc;
        this.search = search;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Transactional
    public void hide(CurrentUser moderator, Space space, long threadId, long postId, String reason) {
        int changed = jdbc.sql("""
                        update discussion_post set hidden_at = :now, hidden_by = :by, hidden_reason = :reason,
                            row_version = row_version + 1
                        where id = :id and thread_id = :thread and hidden_at is null
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("by", moderator.id())
                .param("reason", reason)
                .param("id", postId)
                .param("thread", threadId)
                .update();
        if (changed == 1) {
            publish(DiscussionAction.DISCUSSION_POST_HIDDEN, postId, space, false, reason);
            search.refresh(space, postId);
        }
    }

    @Transactional
    public void restore(Space space, long threadId, long postId) {
        String reason = jdbc.sql("select hidden_reason from discussion_post where id = :id and thread_id = :thread"
                        + " and hidden_at is not null")
                .param("id", postId)
                .param("thread", threadId)
                .query(String.class)
                .optional()
                .orElse(null);
        int changed =
                jdbc.sql("""
                        update discussion_post set hidden_at = null, hidden_by = null, hidden_reason = null,
                            row_version = row_version + 1
                        where id = :id and thread_id = :thread and hidden_at is not null
                        """).param("id", postId).param("thread", threadId).update();
        if (changed == 1) {
            publish(DiscussionAction.DISCUSSION_POST_RESTORED, postId, space, true, reason);
            search.refresh(space, postId);
        }
    }

    /** Locks or unlocks the thread: while locked only moderators write in it. */
    @Transactional
    public void lock(Space space, long threadId, boolean locked) {
        int changed = jdbc.sql("""
                        update discussion_thread set locked = :locked, row_version = row_version + 1
                        where id = :id and space_id = :space and locked <> :locked
                        """)
                .param("locked", locked)
                .param("id", threadId)
                .param("space", space.id())
                .update();
        if (changed == 1) {
            publisher.publishEvent(new DiscussionChanged(
                    locked ? DiscussionAction.DISCUSSION_THREAD_LOCKED : DiscussionAction.DISCUSSION_THREAD_UNLOCKED,
                    DiscussionChanged.THREAD,
                    threadId,
                    space.id(),
                    Map.of("locked", !locked),
                    Map.of("locked", locked)));
        }
    }

    /** Whether the post is one of the thread's (for the controller's 404). */
    public boolean exists(long threadId, long postId) {
        return jdbc.sql("select exists (select 1 from discussion_post where id = :id and thread_id = :thread)")
                .param("id", postId)
                .param("thread", threadId)
                .query(Boolean.class)
                .single();
    }

    private void publish(DiscussionAction action, long postId, Space space, boolean restored, @Nullable String reason) {
        Map<String, @Nullable Object> hidden = new LinkedHashMap<>();
        hidden.put("hidden", true);
        hidden.put("reason", reason);
        Map<String, @Nullable Object> shown = new LinkedHashMap<>();
        shown.put("hidden", false);
        publisher.publishEvent(new DiscussionChanged(
                action,
                DiscussionChanged.POST,
                postId,
                space.id(),
                restored ? hidden : shown,
                restored ? shown : hidden));
    }
}
