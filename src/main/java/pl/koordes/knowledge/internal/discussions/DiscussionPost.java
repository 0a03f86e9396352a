package pl.koordes.knowledge.internal.discussions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A post of a thread.
 *
 * @param authorName the author's name, or null when their account was erased
 * @param position its place in the thread, counted from 1 (for the page and anchor that show it)
 * @param quotedPostId the post it quotes, if any
 * @param quotedPosition the quoted post's place in the thread
 * @param hiddenReason why a moderator hid it (null while shown)
 * @param documents the library documents it points to, in order
 */
public record DiscussionPost(
        long id,
        long threadId,
        @Nullable Long authorId,
        @Nullable String authorName,
        String body,
        long position,
        @Nullable Long quotedPostId,
        @Nullable Long quotedPosition,
        Instant createdAt,
        @Nullable Instant editedAt,
        @Nullable Instant hiddenAt,
        @Nullable String hiddenReason,
        List<Long> documents,
        int rowVersion) {

    public DiscussionPost {
        documents = List.copyOf(documents);
    }

    static final String COLUMNS = "p.id, p.thread_id, p.author_id,"
            + " case when a.status = 'DELETED' then null else a.display_name end as author_name, p.body,"
            + " p.quoted_post_id, p.created_at, p.edited_at, p.hidden_at, p.hidden_reason, p.row_version,"
            + " (select count(*) from discussion_post q where q.thread_id = p.thread_id and q.id <= p.quoted_post_id)"
            + " as quoted_position,"
            + " coalesce((select array_agg(d.document_id order by d.position) from discussion_post_document d"
            + " where d.post_id = p.id), '{}') as documents";

    static final String FROM = " from discussion_post p left join account a on a.id = p.author_id";

    static DiscussionPost of(ResultSet rs, long position) throws SQLException {
        List<Long> documents = new ArrayList<>();
        for (Object id : (Object[]) rs.getArray("documents").getArray()) {
            documents.add(((Number) id).longValue());
        }
        Long quoted = rs.getObject("quoted_post_id", Long.class);
        return new DiscussionPost(
                rs.getLong("id"),
                rs.getLong("thread_id"),
                rs.getObject("author_id", Long.class),
                rs.getString("author_name"),
                rs.getString("body"),
                position,
                quoted,
                quoted == null ? null : rs.getLong("quoted_position"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("edited_at")),
                instant(rs.getTimestamp("hidden_at")),
                rs.getString("hidden_reason"),
                documents,
                rs.getInt("row_version"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    public boolean hidden() {
        return hiddenAt != null;
    }
}
