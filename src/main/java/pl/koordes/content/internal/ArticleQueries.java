package pl.koordes.content.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.content.ArticleReference;
import pl.koordes.content.PublishedArticles;
import pl.koordes.shared.web.Paged;

/**
 * Reads articles as the public sees them: published, publication date reached. Every method runs a
 * fixed number of statements whatever the number of articles or tags.
 */
@Service
@Transactional(readOnly = true)
public class ArticleQueries implements PublishedArticles {

    /** The tags of article {@code a}, ordered by name, as two parallel arrays in the same row. */
    static final String TAG_COLUMNS = """
            array(select t.slug from article_tag at join tag t on t.id = at.tag_id where at.article_id = a.id order by t.name, t.id) as tag_slugs,
            array(select t.name from article_tag at join tag t on t.id = at.tag_id where at.article_id = a.id order by t.name, t.id) as tag_names
            """;

    /** The English title and lead of article {@code a} for a list, both empty when it has no English text. */
    static final String ENGLISH_SUMMARY = """
            case when a.body_html_en <> '' then a.title_en else '' end as title_en,
            case when a.body_html_en <> '' and a.title_en <> '' then a.lead_en else '' end as lead_en,
            """;

    private static final String PUBLIC = "a.status = 'PUBLISHED' and a.published_at <= :now";
    private static final String REFERENCE_SELECT =
            "select a.id, a.slug, a.title, a.published_at from article a where " + PUBLIC;

    private final JdbcClient jdbc;
    private final Clock clock;

    public ArticleQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<ArticleReference> findById(long id) {
        return jdbc.sql(REFERENCE_SELECT + " and a.id = :id")
                .param("now", now())
                .param("id", id)
                .query(ArticleQueries::reference)
                .optional();
    }

    @Override
    public Optional<ArticleReference> findBySlug(String slug) {
        if (!plausibleSlug(slug)) {
            return Optional.empty();
        }
        return jdbc.sql(REFERENCE_SELECT + " and a.slug = :slug")
                .param("now", now())
                .param("slug", slug)
                .query(ArticleQueries::reference)
                .optional();
    }

    @Override
    public Map<Long, ArticleReference> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql(REFERENCE_SELECT + " and a.id = any(:ids)")
                .param("now", now())
                .param("ids", ids.stream().mapToLong(Long::longValue).boxed().toArray(Long[]::new))
                .query(ArticleQueries::reference)
                .list()
                .stream()
                .collect(Collectors.toMap(ArticleReference::id, Function.identity()));
    }

    /** The published article at this address, with its body, tags and picture, in one statement. */
    public Optional<ArticleView> publishedArticle(String slug) {
        if (!plausibleSlug(slug)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select a.id, a.slug, a.title, a.lead, a.body_html, a.author_name, a.published_at, a.updated_at,
                               a.image_id, i.alt as image_alt, a.title_en, a.lead_en, a.body_html_en,
                        """ + TAG_COLUMNS + """
                        from article a left join content_image i on i.id = a.image_id
                        where a.slug = :slug and\s""" + PUBLIC)
                .param("slug", slug)
                .param("now", now())
                .query((rs, n) -> new ArticleView(
                        rs.getLong("id"),
                        rs.getString("slug"),
                        rs.getString("title"),
                        rs.getString("lead"),
                        rs.getString("body_html"),
                        rs.getString("author_name"),
                        instant(rs, "published_at"),
                        instant(rs, "updated_at"),
                        tags(rs),
                        nullableLong(rs, "image_id"),
                        rs.getString("image_alt"),
                        rs.getString("title_en"),
                        rs.getString("lead_en"),
                        rs.getString("body_html_en")))
                .optional();
    }

    /** The current address of a published article that was once at this one (its title changed since). */
    public Optional<String> currentSlugOf(String formerSlug) {
        if (!plausibleSlug(formerSlug)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select a.slug from article_former_slug f join article a on a.id = f.article_id
                        where f.slug = :slug and\s""" + PUBLIC)
                .param("slug", formerSlug)
                .param("now", now())
                .query(String.class)
                .optional();
    }

    /** One page of published articles, newest first, optionally those with one tag only. */
    public Paged<ArticleSummary> published(@Nullable String tagSlug, int page, int size) {
        String filter = tagSlug == null ? "" : " " + """
                 and exists (select 1 from article_tag ft join tag t on t.id = ft.tag_id
                             where ft.article_id = a.id and t.slug = :tag)""";
        // The total comes with each row (a window count), so a page is one statement.
        List<Counted<ArticleSummary>> rows = jdbc.sql(
                        """
                        select a.id, a.slug, a.title, a.lead, a.author_name, a.published_at, a.image_id, i.alt as image_alt,
                               count(*) over () as total,
                        """ + ENGLISH_SUMMARY + """
                        """ + TAG_COLUMNS + """
                        from article a left join content_image i on i.id = a.image_id
                        where\s""" + PUBLIC + filter + " " + """
                         order by a.published_at desc, a.id desc
                        limit :limit offset :offset""")
                .param("now", now())
                .param("tag", tagSlug == null ? "" : tagSlug)
                .param("limit", size)
                .param("offset", Paged.offset(page, size))
                .query((rs, n) -> new Counted<>(summary(rs), rs.getLong("total")))
                .list();
        long total = rows.isEmpty()
                ? (page == 1 ? 0 : countPublished(tagSlug, filter))
                : rows.getFirst().total();
        return new Paged<>(rows.stream().map(Counted::item).toList(), page, size, total);
    }

    /** The newest published articles. */
    public List<ArticleSummary> latest(int count) {
        if (count <= 0) {
            return List.of();
        }
        return published(null, 1, count).items();
    }

    /** The tag at this address, if any article uses it. */
    public Optional<TagRef> tag(String slug) {
        if (!plausibleSlug(slug)) {
            return Optional.empty();
        }
        return jdbc.sql("select slug, name from tag where slug = :slug")
                .param("slug", slug)
                .query((rs, n) -> new TagRef(rs.getString("slug"), rs.getString("name")))
                .optional();
    }

    /** Tags of published articles with how many each has, most used first. */
    public List<TagCount> tags() {
        return jdbc.sql("""
                        select t.slug, t.name, count(*) as articles
                        from tag t join article_tag at on at.tag_id = t.id join article a on a.id = at.article_id
                        where\s""" + PUBLIC + " " + """
                         group by t.id, t.slug, t.name order by count(*) desc, t.name limit 50""")
                .param("now", now())
                .query((rs, n) ->
                        new TagCount(new TagRef(rs.getString("slug"), rs.getString("name")), rs.getInt("articles")))
                .list();
    }

    /** A published article's address and its last change, for the sitemap. */
    public record SitemapEntry(String slug, Instant lastModified) {}

    /** Every published article's address (up to the sitemap protocol's limit), newest first. */
    public List<SitemapEntry> sitemap(int limit) {
        return jdbc.sql("select a.slug, coalesce(a.updated_at, a.published_at) as changed from article a where "
                        + PUBLIC + " order by a.published_at desc, a.id desc limit :limit")
                .param("now", now())
                .param("limit", limit)
                .query((rs, n) -> new SitemapEntry(
                        rs.getString("slug"), rs.getTimestamp("changed").toInstant()))
                .list();
    }

    /**
     * When each of these articles last changed as readers see it: the last change of its text after
     * publication (the page's "Aktualizacja"), or else its publication; for the feeds' {@code updated}.
     */
    public Map<Long, Instant> lastChanged(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("select id, coalesce(updated_at, published_at) as changed from article where id in (:ids)")
                .param("ids", ids)
                .query((rs, n) ->
                        Map.entry(rs.getLong("id"), rs.getTimestamp("changed").toInstant()))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** A tag with the number of published articles carrying it. */
    public record TagCount(TagRef tag, int articles) {}

    private long countPublished(@Nullable String tagSlug, String filter) {
        return jdbc.sql("select count(*) from article a where " + PUBLIC + filter)
                .param("now", now())
                .param("tag", tagSlug == null ? "" : tagSlug)
                .query(Long.class)
                .single();
    }

    private record Counted<T>(T item, long total) {}

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    static ArticleSummary summary(ResultSet rs) throws SQLException {
        return new ArticleSummary(
                rs.getLong("id"),
                rs.getString("slug"),
                rs.getString("title"),
                rs.getString("lead"),
                rs.getString("author_name"),
                instant(rs, "published_at"),
                tags(rs),
                nullableLong(rs, "image_id"),
                rs.getString("image_alt"),
                rs.getString("title_en"),
                rs.getString("lead_en"));
    }

    private static ArticleReference reference(ResultSet rs, int row) throws SQLException {
        String slug = rs.getString("slug");
        return new ArticleReference(
                rs.getLong("id"), slug, rs.getString("title"), "/aktualnosci/" + slug, instant(rs, "published_at"));
    }

    static List<TagRef> tags(ResultSet rs) throws SQLException {
        String[] slugs = strings(rs.getArray("tag_slugs"));
        String[] names = strings(rs.getArray("tag_names"));
        List<TagRef> tags = new ArrayList<>(slugs.length);
        for (int i = 0; i < slugs.length && i < names.length; i++) {
            tags.add(new TagRef(slugs[i], names[i]));
        }
        return tags;
    }

    private static String[] strings(@Nullable Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** Addresses are short and printable; anything else (a NUL byte PostgreSQL refuses, a megabyte) names nothing. */
    static boolean plausibleSlug(@Nullable String slug) {
        return slug != null
                && !slug.isEmpty()
                && slug.length() <= 120
                && slug.chars().noneMatch(Character::isISOControl);
    }
}
