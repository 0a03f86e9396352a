package pl.koordes.content.internal;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.content.ContentAction;
import pl.koordes.content.ContentChanged;

/**
 * What every content change has in common for the audit log: the record's values before and after,
 * read the same way each time. Long texts (an article's body) are kept as a short fingerprint, so the
 * log shows that they changed without copying them.
 */
@Component
class ContentAudit {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ContentAudit(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    Optional<Map<String, @Nullable Object>> article(long id) {
        return snapshot("""
                select a.title, a.slug, a.lead, left(md5(a.body_markdown), 8) as body, a.author_name as "authorName",
                       a.status, to_char(a.published_at at time zone 'Europe/Warsaw', 'DD.MM.YYYY HH24:MI') as "publishedAt",
                       a.image_id as "imageId",
                       (select string_agg(t.name, ', ' order by t.name) from article_tag at join tag t on t.id = at.tag_id
                        where at.article_id = a.id) as tags
                from article a where a.id = :id
                """, id);
    }

    Optional<Map<String, @Nullable Object>> page(long id) {
        return snapshot("""
                select title, slug, lead, left(md5(body_markdown), 8) as body, title_en as "titleEn", lead_en as "leadEn",
                       left(md5(body_markdown_en), 8) as "bodyEn", nav_place as "navPlace", nav_order as "navOrder"
                from content_page where id = :id
                """, id);
    }

    Optional<Map<String, @Nullable Object>> quote(long id) {
        return snapshot("select text, source, featured, active from motto_quote where id = :id", id);
    }

    Optional<Map<String, @Nullable Object>> partner(long id) {
        return snapshot(
                "select name, kind, url, logo_id as \"logoId\", sort_order as \"sortOrder\" from partner where id = :id",
                id);
    }

    Optional<Map<String, @Nullable Object>> image(long id) {
        return snapshot("""
                select alt, original_name as "fileName", content_type as "contentType", width, height
                from content_image where id = :id
                """, id);
    }

    /** Publishes the change in the caller's transaction, unless nothing changed (a form saved as it was shown). */
    void publish(
            ContentAction action,
            String targetType,
            long id,
            @Nullable Map<String, @Nullable Object> before,
            @Nullable Map<String, @Nullable Object> after) {
        if (before != null && before.equals(after)) {
            return;
        }
        events.publishEvent(new ContentChanged(action, targetType, id, before, after));
    }

    private Optional<Map<String, @Nullable Object>> snapshot(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(ContentAudit::row).optional();
    }

    private static Map<String, @Nullable Object> row(ResultSet rs, int rowNumber) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, @Nullable Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(meta.getColumnLabel(i), rs.getObject(i));
        }
        return row;
    }
}
