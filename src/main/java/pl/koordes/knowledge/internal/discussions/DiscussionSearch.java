package pl.koordes.knowledge.internal.discussions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.search.SearchEntry;
import pl.koordes.shared.search.SearchIndex;
import pl.koordes.shared.search.SearchSource;
import pl.koordes.shared.text.Markdown;

/**
 * The discussion posts in the search index: one entry per shown post, titled by its thread, leading to the page of
 * the thread that shows it and to its anchor, and found by exactly those who may read its space
 * ({@link SpacePermissions#audience}). The write paths call {@link #refresh} for a new, edited, hidden or restored
 * post, and {@link #refreshSpace} when who may read a group changes.
 */
@Component
public class DiscussionSearch implements SearchSource {

    public static final String SOURCE = "post";
    public static final String KIND = "discussion";

    private static final int BATCH = 500;

    private static final String SELECT = """
            select p.id, p.thread_id, p.body, p.created_at, p.hidden_at, t.title, t.space_id,
                   (select count(*) from discussion_post o where o.thread_id = p.thread_id and o.id <= p.id) as position
            from discussion_post p join discussion_thread t on t.id = p.thread_id
            """;

    private record Row(
            long id,
            long threadId,
            String body,
            java.time.Instant createdAt,
            boolean hidden,
            String title,
            long spaceId,
            long position) {}

    private final JdbcClient jdbc;
    private final SearchIndex index;
    private final SpaceStore spaces;
    private final SpacePermissions permissions;
    private final Markdown markdown;

    DiscussionSearch(
            JdbcClient jdbc, SearchIndex index, SpaceStore spaces, SpacePermissions permissions, Markdown markdown) {
        this.jdbc = jdbc;
        this.index = index;
        this.spaces = spaces;
        this.permissions = permissions;
        this.markdown = markdown;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public void entries(Consumer<SearchEntry> sink) {
        Map<Long, Space> bySpace = new HashMap<>();
        Map<Long, Set<String>> audiences = new HashMap<>();
        for (Space space : spaces.all()) {
            bySpace.put(space.id(), space);
            audiences.put(space.id(), permissions.audience(space, spaces.memberIds(space.id())));
        }
        long after = 0;
        while (true) {
            List<Row> rows = jdbc.sql(SELECT + " where p.id > :after and p.hidden_at is null order by p.id limit :n")
                    .param("after", after)
                    .param("n", BATCH)
                    .query(DiscussionSearch::row)
                    .list();
            for (Row row : rows) {
                sink.accept(entry(row, bySpace.get(row.spaceId()), audiences.get(row.spaceId())));
            }
            if (rows.size() < BATCH) {
                return;
            }
            after = rows.getLast().id();
        }
    }

    /** Puts the post when it is shown, removes it when hidden; in the caller's transaction. */
    public void refresh(Space space, long postId) {
        refresh(space, postId, permissions.audience(space, spaces.memberIds(space.id())));
    }

    private void refresh(Space space, long postId, Set<String> audience) {
        Row row = jdbc.sql(SELECT + " where p.id = :id")
                .param("id", postId)
                .query(DiscussionSearch::row)
                .optional()
                .orElse(null);
        if (row == null || row.hidden()) {
            index.remove(SOURCE, Long.toString(postId));
        } else {
            index.put(entry(row, space, audience));
        }
    }

    /**
     * Puts every shown post of the space again with its current audience (who may read a group changed): the posts
     * are read in batches, so the statements grow with the posts, not with anything else.
     */
    public void refreshSpace(Space space) {
        Set<String> audience = permissions.audience(space, spaces.memberIds(space.id()));
        long after = 0;
        while (true) {
            List<Row> rows = jdbc.sql(SELECT + """
                             where t.space_id = :space and p.id > :after and p.hidden_at is null
                            order by p.id limit :n
                            """)
                    .param("space", space.id())
                    .param("after", after)
                    .param("n", BATCH)
                    .query(DiscussionSearch::row)
                    .list();
            rows.forEach(row -> index.put(entry(row, space, audience)));
            if (rows.size() < BATCH) {
                return;
            }
            after = rows.getLast().id();
        }
    }

    private SearchEntry entry(Row row, Space space, Set<String> audience) {
        return new SearchEntry(
                SOURCE,
                Long.toString(row.id()),
                KIND,
                space.regionId(),
                row.createdAt().atZone(Formats.ZONE).getYear(),
                row.title(),
                markdown.toPlainText(row.body()),
                SpacePaths.post(space.slug(), row.threadId(), row.id(), row.position()),
                audience);
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getLong("thread_id"),
                rs.getString("body"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("hidden_at") != null,
                rs.getString("title"),
                rs.getLong("space_id"),
                rs.getLong("position"));
    }
}
