package pl.koordes.content.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.content.ArticleForm;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.web.Paged;

/** Reads articles the way editors see them: every state, with their revisions. */
@Service
@Transactional(readOnly = true)
public class EditorArticles {

    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final JdbcClient jdbc;
    private final Clock clock;

    public EditorArticles(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An article in the editor's list. */
    public record Row(
            long id,
            String slug,
            String title,
            String state,
            @Nullable Instant publishedAt,
            Instant modifiedAt,
            int revisions) {

        /** The row at {@code now}: a scheduled article whose time has come is published. */
        public Row at(Instant now) {
            return "SCHEDULED".equals(state) && publishedAt != null && !publishedAt.isAfter(now)
                    ? new Row(id, slug, title, "PUBLISHED", publishedAt, modifiedAt, revisions)
                    : this;
        }
    }

    /** An article being edited: the form's values and what the form does not hold. */
    public record Editable(long id, String slug, String title, String state, ArticleForm form, int revisions) {}

    /** One saved version of an article. */
    public record Revision(
            int number,
            String title,
            String lead,
            String body,
            String authorName,
            String status,
            @Nullable Instant publishedAt,
            String tags,
            @Nullable Long imageId,
            String savedBy,
            Instant savedAt,
            String titleEn,
            String leadEn,
            String bodyEn) {

        public ArticleForm form() {
            return new ArticleForm(
                    title,
                    lead,
                    body,
                    tags,
                    authorName,
                    status,
                    publishedAt == null ? "" : LOCAL_INPUT.format(publishedAt.atZone(Formats.ZONE)),
                    imageId == null ? "" : imageId.toString(),
                    titleEn,
                    leadEn,
                    bodyEn);
        }
    }

    /** Every article, newest change first, with its state: DRAFT, SCHEDULED or PUBLISHED. */
    public Paged<Row> list(int page, int size) {
        long total = jdbc.sql("select count(*) from article").query(Long.class).single();
        List<Row> rows = jdbc.sql("""
                        select a.id, a.slug, a.title, a.status, a.published_at, a.modified_at,
                               (select count(*) from article_revision r where r.article_id = a.id) as revisions
                        from article a order by a.modified_at desc, a.id desc limit :limit offset :offset""")
                .param("limit", size)
                .param("offset", Paged.offset(page, size))
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getString("slug"),
                        rs.getString("title"),
                        state(rs),
                        ArticleQueries.instant(rs, "published_at"),
                        rs.getTimestamp("modified_at").toInstant(),
                        rs.getInt("revisions")))
                .list();
        return new Paged<>(rows, page, size, total);
    }

    public Optional<Editable> editable(long id) {
        return jdbc.sql("""
                        select a.id, a.slug, a.title, a.lead, a.body_markdown, a.author_name, a.status, a.published_at,
                               a.image_id, a.title_en, a.lead_en, a.body_markdown_en,
                               (select count(*) from article_revision r where r.article_id = a.id) as revisions,
                        """ + ArticleQueries.TAG_COLUMNS + " from article a where a.id = :id")
                .param("id", id)
                .query((rs, n) -> {
                    Instant publishedAt = ArticleQueries.instant(rs, "published_at");
                    Long image = ArticleQueries.nullableLong(rs, "image_id");
                    String tags = String.join(
                            ", ",
                            ArticleQueries.tags(rs).stream().map(TagRef::name).toList());
                    ArticleForm form = new ArticleForm(
                            rs.getString("title"),
                            rs.getString("lead"),
                            rs.getString("body_markdown"),
                            tags,
                            rs.getString("author_name"),
                            rs.getString("status"),
                            publishedAt == null ? "" : LOCAL_INPUT.format(publishedAt.atZone(Formats.ZONE)),
                            image == null ? "" : image.toString(),
                            rs.getString("title_en"),
                            rs.getString("lead_en"),
                            rs.getString("body_markdown_en"));
                    return new Editable(
                            rs.getLong("id"),
                            rs.getString("slug"),
                            rs.getString("title"),
                            state(rs),
                            form,
                            rs.getInt("revisions"));
                })
                .optional();
    }

    /** The revisions of an article, newest first. */
    public List<Revision> revisions(long articleId) {
        return jdbc.sql(REVISION_SELECT + " where article_id = :id order by number desc")
                .param("id", articleId)
                .query(EditorArticles::revision)
                .list();
    }

    public Optional<Revision> revision(long articleId, int number) {
        return jdbc.sql(REVISION_SELECT + " where article_id = :id and number = :number")
                .param("id", articleId)
                .param("number", number)
                .query(EditorArticles::revision)
                .optional();
    }

    private static final String REVISION_SELECT = """
            select number, title, lead, body_markdown, author_name, status, published_at, tags, image_id, saved_by, saved_at,
                   title_en, lead_en, body_markdown_en
            from article_revision""";

    private static Revision revision(ResultSet rs, int row) throws SQLException {
        return new Revision(
                rs.getInt("number"),
                rs.getString("title"),
                rs.getString("lead"),
                rs.getString("body_markdown"),
                rs.getString("author_name"),
                rs.getString("status"),
                ArticleQueries.instant(rs, "published_at"),
                rs.getString("tags"),
                ArticleQueries.nullableLong(rs, "image_id"),
                rs.getString("saved_by"),
                rs.getTimestamp("saved_at").toInstant(),
                rs.getString("title_en"),
                rs.getString("lead_en"),
                rs.getString("body_markdown_en"));
    }

    private String state(ResultSet rs) throws SQLException {
        if (!"PUBLISHED".equals(rs.getString("status"))) {
            return "DRAFT";
        }
        Instant publishedAt = ArticleQueries.instant(rs, "published_at");
        return publishedAt != null && publishedAt.isAfter(clock.instant()) ? "SCHEDULED" : "PUBLISHED";
    }
}
