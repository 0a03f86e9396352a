package pl.koordes.knowledge.internal.discussions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A thread of a space as listed and shown.
 *
 * @param authorName the starter's name, or null when their account was erased
 * @param postCount every post, hidden ones included
 */
public record DiscussionThread(
        long id,
        long spaceId,
        String title,
        @Nullable Long authorId,
        @Nullable String authorName,
        Instant createdAt,
        Instant lastPostAt,
        int postCount,
        boolean locked,
        int rowVersion) {

    static final String COLUMNS = "t.id, t.space_id, t.title, t.author_id,"
            + " case when a.status = 'DELETED' then null else a.display_name end as author_name, t.created_at,"
            + " t.last_post_at, t.post_count, t.locked, t.row_version";

    static final String FROM = " from discussion_thread t left join account a on a.id = t.author_id";

    static DiscussionThread of(ResultSet rs, int row) throws SQLException {
        return new DiscussionThread(
                rs.getLong("id"),
                rs.getLong("space_id"),
                rs.getString("title"),
                rs.getObject("author_id", Long.class),
                rs.getString("author_name"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("last_post_at").toInstant(),
                rs.getInt("post_count"),
                rs.getBoolean("locked"),
                rs.getInt("row_version"));
    }

    public String path(String spaceSlug) {
        return SpacePaths.thread(spaceSlug, id);
    }
}
