package pl.koordes.knowledge.internal.discussions;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.knowledge.DiscussionAction;
import pl.koordes.knowledge.DiscussionChanged;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;

/**
 * Writing in a space: starting a thread, replying (quoting a post of the same thread), and editing one's own post
 * within {@link DiscussionProperties#editMinutes()} (read at a row version: a change made meanwhile is a conflict).
 * Each write is audited ({@link DiscussionChanged}), searchable at commit ({@link DiscussionSearch}) and tells the
 * mentioned and the followers ({@link DiscussionMail}). Whether the person may read the space is the controller's
 * question ({@link SpacePermissions}); whether the thread is locked is asked here.
 */
@Service
public class ThreadManagement {

    private final JdbcClient jdbc;
    private final ThreadStore threads;
    private final DiscussionSearch search;
    private final DiscussionMail mail;
    private final DiscussionProperties properties;
    private final PostLibraryLinks links;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    ThreadManagement(
            JdbcClient jdbc,
            ThreadStore threads,
            DiscussionSearch search,
            DiscussionMail mail,
            DiscussionProperties properties,
            PostLibraryLinks links,
            ApplicationEventPublisher publisher,
            Clock clock) {
        this.jdbc = jdbc;
        this.threads = threads;
        this.search = search;
        this.mail = mail;
        this.properties = properties;
        this.links = links;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Starts a thread with its first post; returns the thread's id. */
    @Transactional
    public long start(CurrentUser user, Space space, ThreadForm form) {
        Instant now = clock.instant();
        long threadId = jdbc.sql("""
                        insert into discussion_thread (space_id, title, author_id, created_at, last_post_at, post_count)
                        values (:space, :title, :author, :now, :now, 1) returning id
                        """)
                .param("space", space.id())
                .param("title", form.titleText())
                .param("author", user.id())
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
        List<Long> documents = PostDocuments.parse(form.documents()).orElseThrow();
        links.check(space, documents);
        long postId = insertPost(threadId, user.id(), form.bodyText(), null, documents, now);
        Map<String, @Nullable Object> after = new LinkedHashMap<>();
        after.put("title", form.titleText());
        after.put("postId", postId);
        after.putAll(postValues(form.bodyText(), documents));
        publisher.publishEvent(new DiscussionChanged(
                DiscussionAction.DISCUSSION_THREAD_STARTED,
                DiscussionChanged.THREAD,
                threadId,
                space.id(),
                null,
                after));
        DiscussionThread thread = threads.thread(space.id(), threadId).orElseThrow();
        search.refresh(space, postId);
        mail.posted(space, thread, postId, 1, user.id(), user.displayName(), form.bodyText(), null);
        return threadId;
    }

    /**
     * Adds a reply; returns the post's address (the thread's page that shows it).
     *
     * @param moderator whether the person moderates the space (writes in a locked thread)
     */
    @Transactional
    public String reply(CurrentUser user, Space space, long threadId, PostForm form, boolean moderator) {
        // The thread's row is locked first, so that replies at once count and place their posts one after another.
        jdbc.sql("select id from discussion_thread where id = :id and space_id = :s for update")
                .param("id", threadId)
                .param("s", space.id())
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new NotFound("discussion thread", threadId));
        DiscussionThread thread = threads.thread(space.id(), threadId).orElseThrow();
        if (thread.locked() && !moderator) {
            throw Refused.conflict("knowledge.discussions.locked");
        }
        Long quoted = form.quotedPostId();
        if (quoted != null && threads.post(threadId, quoted).isEmpty()) {
            throw Refused.field("body", "knowledge.discussions.quote.unknown");
        }
        Instant now = clock.instant();
        List<Long> documents = PostDocuments.parse(form.documents()).orElseThrow();
        links.check(space, documents);
        long postId = insertPost(threadId, user.id(), form.bodyText(), quoted, documents, now);
        jdbc.sql("""
                        update discussion_thread set post_count = post_count + 1, last_post_at = :now,
                            row_version = row_version + 1 where id = :id
                        """).param("now", Timestamp.from(now)).param("id", threadId).update();
        long position = thread.postCount() + 1L;
        Map<String, @Nullable Object> after = new LinkedHashMap<>();
        after.put("threadId", threadId);
        after.put("quotedPostId", quoted);
        after.putAll(postValues(form.bodyText(), documents));
        publisher.publishEvent(new DiscussionChanged(
                DiscussionAction.DISCUSSION_POST_ADDED, DiscussionChanged.POST, postId, space.id(), null, after));
        search.refresh(space, postId);
        mail.posted(space, thread, postId, position, user.id(), user.displayName(), form.bodyText(), null);
        return SpacePaths.post(space.slug(), threadId, postId, position);
    }

    /** Whether the post is still the person's to edit (theirs, shown, within the time allowed). */
    public boolean editable(CurrentUser user, DiscussionPost post) {
        return Objects.equals(post.authorId(), user.id())
                && !post.hidden()
                && clock.instant().isBefore(post.createdAt().plus(Duration.ofMinutes(properties.editMinutes())));
    }

    /** Saves the edit of one's own post; returns the post's address. */
    @Transactional
    public String edit(CurrentUser user, Space space, DiscussionThread thread, long postId, PostForm form) {
        jdbc.sql("select id from discussion_post where id = :id and thread_id = :t for update")
                .param("id", postId)
                .param("t", thread.id())
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new NotFound("discussion post", postId));
        DiscussionPost before = threads.post(thread.id(), postId).orElseThrow();
        if (!Objects.equals(before.authorId(), user.id())) {
            throw new NotFound("discussion post", postId);
        }
        if (!editable(user, before)) {
            throw Refused.because("knowledge.discussions.edit.late");
        }
        if (form.version() == null || form.version() != before.rowVersion()) {
            throw Refused.conflict("knowledge.discussions.stale");
        }
        List<Long> documents = PostDocuments.parse(form.documents()).orElseThrow();
        links.check(space, documents);
        jdbc.sql("""
                        update discussion_post set body = :body, edited_at = :now, row_version = row_version + 1
                        where id = :id
                        """)
                .param("body", form.bodyText())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", postId)
                .update();
        jdbc.sql("delete from discussion_post_document where post_id = :id")
                .param("id", postId)
                .update();
        saveDocuments(postId, documents);
        publisher.publishEvent(new DiscussionChanged(
                DiscussionAction.DISCUSSION_POST_EDITED,
                DiscussionChanged.POST,
                postId,
                space.id(),
                postValues(before.body(), before.documents()),
                postValues(form.bodyText(), documents)));
        search.refresh(space, postId);
        mail.posted(
                space,
                thread,
                postId,
                before.position(),
                user.id(),
                user.displayName(),
                form.bodyText(),
                before.body());
        return SpacePaths.post(space.slug(), thread.id(), postId, before.position());
    }

    private long insertPost(
            long threadId, long authorId, String body, @Nullable Long quoted, List<Long> documents, Instant now) {
        long postId = jdbc.sql("""
                        insert into discussion_post (thread_id, author_id, body, quoted_post_id, created_at)
                        values (:thread, :author, :body, :quoted, :now) returning id
                        """)
                .param("thread", threadId)
                .param("author", authorId)
                .param("body", body)
                .param("quoted", quoted)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
        saveDocuments(postId, documents);
        return postId;
    }

    private void saveDocuments(long postId, List<Long> documents) {
        for (int i = 0; i < documents.size(); i++) {
            jdbc.sql("insert into discussion_post_document (post_id, document_id, position) values (:p, :d, :i)")
                    .param("p", postId)
                    .param("d", documents.get(i))
                    .param("i", i)
                    .update();
        }
    }

    /** What an audit line keeps of a post: a fingerprint of the text (not the text), its length and documents. */
    static Map<String, @Nullable Object> postValues(String body, List<Long> documents) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        values.put("body", body.isEmpty() ? null : Integer.toHexString(body.hashCode()));
        values.put("length", body.length());
        values.put("documents", PostDocuments.text(documents));
        return values;
    }
}
