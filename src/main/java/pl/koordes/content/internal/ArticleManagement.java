package pl.koordes.content.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.content.ArticleForm;
import pl.koordes.content.ArticlePublished;
import pl.koordes.content.ContentAction;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.text.Markdown;
import pl.koordes.shared.web.Slugs;

/**
 * The one write path for articles: every save renders the Markdown once, keeps a complete revision,
 * gives the article an address from its title and remembers the former address when it changes.
 */
@Service
@Transactional
public class ArticleManagement {

    static final int MAX_TAGS = 10;
    private static final int MAX_SLUG = 100;

    private final JdbcClient jdbc;
    private final Markdown markdown;
    private final Clock clock;
    private final EditorArticles editorArticles;
    private final KeptArticleList list;

    private final ApplicationEventPublisher events;
    private final ContentAudit audit;

    public ArticleManagement(
            JdbcClient jdbc,
            Markdown markdown,
            Clock clock,
            EditorArticles editorArticles,
            KeptArticleList list,
            ApplicationEventPublisher events,
            ContentAudit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.editorArticles = editorArticles;
        this.list = list;
        this.markdown = markdown;
        this.clock = clock;
    }

    /** Creates an article from a valid form; answers its id. Throws {@link Refused} for an unknown picture or time. */
    public long createArticle(ArticleForm form, String editor) {
        Values v = values(form);
        String slug = freeSlug(Slugs.of(v.title()), null);
        long id = jdbc.sql("""
                        insert into article (slug, title, lead, body_markdown, body_html, author_name, status, published_at, image_id,
                                             title_en, lead_en, body_markdown_en, body_html_en)
                        values (:slug, :title, :lead, :body, :html, :author, :status, :publishedAt, :image,
                                :titleEn, :leadEn, :bodyEn, :htmlEn)
                        returning id""").params(parameters(slug, v)).query(Long.class).single();
        list.changed();
        replaceTags(id, v.tags());
        keepRevision(id, v, editor);
        audit.publish(
                ContentAction.ARTICLE_CREATED,
                "article",
                id,
                null,
                audit.article(id).orElseThrow());
        if ("PUBLISHED".equals(v.status())) {
            events.publishEvent(new ArticlePublished(id, slug, v.title(), Objects.requireNonNull(v.publishedAt())));
        }
        return id;
    }

    /** The article's columns from the form's values, the same for a new article and a changed one. */
    private Map<String, @Nullable Object> parameters(String slug, Values v) {
        Map<String, @Nullable Object> parameters = new LinkedHashMap<>();
        parameters.put("slug", slug);
        parameters.put("title", v.title());
        parameters.put("lead", v.lead());
        parameters.put("body", v.body());
        parameters.put("html", markdown.toHtml(v.body()));
        parameters.put("author", v.author());
        parameters.put("status", v.status());
        parameters.put("publishedAt", timestamp(v.publishedAt()));
        parameters.put("image", v.imageId());
        parameters.put("titleEn", v.titleEn());
        parameters.put("leadEn", v.leadEn());
        parameters.put("bodyEn", v.bodyEn());
        // Without an English text there is no English version: nothing to render.
        parameters.put("htmlEn", v.bodyEn().isBlank() ? "" : markdown.toHtml(v.bodyEn()));
        return parameters;
    }

    /**
     * Saves a new version of an article. A published article changed after its publication shows the
     * date of the change; a new title gives a new address and the old one keeps leading to it.
     *
     * @throws NotFound when there is no such article
     * @throws Refused for an unknown picture or time
     */
    public void updateArticle(long id, ArticleForm form, String editor) {
        update(id, form, editor, ContentAction.ARTICLE_UPDATED, null);
    }

    private void update(long id, ArticleForm form, String editor, ContentAction action, @Nullable Integer restored) {
        Optional<Current> found = jdbc.sql("""
                        select slug, title, lead, body_markdown, status, published_at, title_en || lead_en || body_markdown_en as english
                        from article where id = :id for update""")
                .param("id", id)
                .query((rs, n) -> new Current(
                        rs.getString("slug"),
                        rs.getString("title"),
                        rs.getString("lead"),
                        rs.getString("body_markdown"),
                        rs.getString("status"),
                        rs.getTimestamp("published_at") == null
                                ? null
                                : rs.getTimestamp("published_at").toInstant(),
                        rs.getString("english")))
                .optional();
        Current current = found.orElseThrow(() -> new NotFound("article", id));
        Map<String, @Nullable Object> audited = audit.article(id).orElseThrow();
        Values v = values(form);
        Instant now = clock.instant();
        String slug = current.slug();
        if (!Objects.equals(current.title(), v.title())) {
            String wanted = Slugs.of(v.title()).isEmpty() ? slug : Slugs.of(v.title());
            String free = shorten(wanted).equals(slug) ? slug : freeSlug(wanted, id);
            if (!free.equals(slug)) {
                jdbc.sql("delete from article_former_slug where slug = :slug")
                        .param("slug", free)
                        .update();
                jdbc.sql(
                                "insert into article_former_slug (slug, article_id) values (:slug, :id) on conflict do nothing")
                        .param("slug", slug)
                        .param("id", id)
                        .update();
                slug = free;
            }
        }
        boolean wasPublic = "PUBLISHED".equals(current.status())
                && current.publishedAt() != null
                && !current.publishedAt().isAfter(now);
        boolean textChanged = !Objects.equals(current.title(), v.title())
                || !Objects.equals(current.lead(), v.lead())
                || !Objects.equals(current.body(), v.body())
                || !Objects.equals(current.english(), v.titleEn() + v.leadEn() + v.bodyEn());
        jdbc.sql("""
                        update article set slug = :slug, title = :title, lead = :lead, body_markdown = :body, body_html = :html,
                               author_name = :author, status = :status, published_at = :publishedAt, image_id = :image,
                               title_en = :titleEn, lead_en = :leadEn, body_markdown_en = :bodyEn, body_html_en = :htmlEn,
                               modified_at = :now,
                               updated_at = case when :touch then :now else updated_at end
                        where id = :id""")
                .params(parameters(slug, v))
                .param("now", timestamp(now))
                .param("touch", wasPublic && textChanged && "PUBLISHED".equals(v.status()))
                .param("id", id)
                .update();
        list.changed();
        replaceTags(id, v.tags());
        keepRevision(id, v, editor);
        Map<String, @Nullable Object> saved =
                new LinkedHashMap<>(audit.article(id).orElseThrow());
        if (restored != null) {
            // A restore is a save like any other, but the log says which revision came back.
            saved.put("revision", restored);
        }
        audit.publish(action, "article", id, audited, saved);
        if (!"PUBLISHED".equals(current.status()) && "PUBLISHED".equals(v.status())) {
            events.publishEvent(new ArticlePublished(id, slug, v.title(), Objects.requireNonNull(v.publishedAt())));
        }
    }

    /**
     * Makes an earlier revision the current text again; this is a save like any other, so it becomes
     * the newest revision and nothing is lost.
     *
     * @throws NotFound when the article or the revision does not exist
     * @throws Refused when the revision names a picture deleted since
     */
    public void restoreRevision(long id, int number, String editor) {
        EditorArticles.Revision revision =
                editorArticles.revision(id, number).orElseThrow(() -> new NotFound("revision", id + "/" + number));
        update(id, revision.form(), editor, ContentAction.ARTICLE_REVISION_RESTORED, number);
    }

    /** Deletes an article with its revisions; its addresses answer 404 afterwards. */
    public void deleteArticle(long id) {
        Optional<Map<String, @Nullable Object>> before = audit.article(id);
        if (jdbc.sql("delete from article where id = :id").param("id", id).update() != 1) {
            throw new NotFound("article", id);
        }
        list.changed();
        audit.publish(ContentAction.ARTICLE_DELETED, "article", id, before.orElseThrow(), null);
    }

    /** Tag names from the comma-separated field: trimmed, without duplicates, at most {@value #MAX_TAGS}. */
    public static List<String> tagNames(@Nullable String field) {
        Map<String, String> bySlug = new LinkedHashMap<>();
        if (field != null) {
            for (String part : field.split(",")) {
                String name = part.strip().replaceAll("\\s+", " ");
                String slug = shorten(Slugs.of(name));
                if (!name.isEmpty() && !slug.isEmpty() && name.length() <= 60) {
                    bySlug.putIfAbsent(slug, name);
                }
            }
        }
        return bySlug.values().stream().limit(MAX_TAGS).toList();
    }

    private Values values(ArticleForm form) {
        String status = "PUBLISHED".equals(form.status()) ? "PUBLISHED" : "DRAFT";
        Instant publishedAt = parseTime(form.publishedAt());
        if (publishedAt == null && status.equals("PUBLISHED")) {
            publishedAt = clock.instant();
        }
        Long image = form.imageId() == null || form.imageId().isBlank()
                ? null
                : Long.valueOf(form.imageId().strip());
        if (image != null
                && jdbc.sql("select count(*) from content_image where id = :id")
                                .param("id", image)
                                .query(Long.class)
                                .single()
                        == 0) {
            throw Refused.field("imageId", "content.article.image.unknown");
        }
        return new Values(
                strip(form.title()),
                strip(form.lead()),
                form.body() == null ? "" : form.body(),
                tagNames(form.tags()),
                strip(form.authorName()),
                status,
                publishedAt,
                image,
                strip(form.titleEn()),
                strip(form.leadEn()),
                form.bodyEn() == null ? "" : form.bodyEn());
    }

    private static @Nullable Instant parseTime(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(Formats.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw Refused.field("publishedAt", "content.article.publishedAt.invalid");
        }
    }

    private void replaceTags(long articleId, List<String> names) {
        jdbc.sql("delete from article_tag where article_id = :id")
                .param("id", articleId)
                .update();
        for (String name : names) {
            String slug = shorten(Slugs.of(name));
            long tagId = jdbc.sql("""
                            insert into tag (slug, name) values (:slug, :name)
                            on conflict (slug) do update set slug = excluded.slug returning id""")
                    .param("slug", slug)
                    .param("name", name)
                    .query(Long.class)
                    .single();
            jdbc.sql("insert into article_tag (article_id, tag_id) values (:article, :tag) on conflict do nothing")
                    .param("article", articleId)
                    .param("tag", tagId)
                    .update();
        }
    }

    private void keepRevision(long articleId, Values v, String editor) {
        jdbc.sql("""
                        insert into article_revision (article_id, number, title, lead, body_markdown, author_name, status,
                                                      published_at, tags, image_id, saved_by, saved_at, title_en, lead_en,
                                                      body_markdown_en)
                        values (:article, (select coalesce(max(number), 0) + 1 from article_revision where article_id = :article),
                                :title, :lead, :body, :author, :status, :publishedAt, :tags, :image, :editor, :now, :titleEn,
                                :leadEn, :bodyEn)""")
                .param("article", articleId)
                .param("title", v.title())
                .param("lead", v.lead())
                .param("body", v.body())
                .param("author", v.author())
                .param("status", v.status())
                .param("publishedAt", timestamp(v.publishedAt()))
                .param("tags", String.join(", ", v.tags()))
                .param("image", v.imageId())
                .param("titleEn", v.titleEn())
                .param("leadEn", v.leadEn())
                .param("bodyEn", v.bodyEn())
                .param("editor", editor.length() > 200 ? editor.substring(0, 200) : editor)
                .param("now", timestamp(clock.instant()))
                .update();
    }

    /** A free address for the title: the slug itself, or with -2, -3… when another article has or had it. */
    private String freeSlug(String wanted, @Nullable Long articleId) {
        String base = wanted.isEmpty() ? "artykul" : shorten(wanted);
        List<String> taken = new ArrayList<>(jdbc.sql("""
                        select slug from article where (slug = :base or slug like :prefix) and id <> :id
                        union select slug from article_former_slug where (slug = :base or slug like :prefix) and article_id <> :id""")
                .param("base", base)
                .param("prefix", base.replace("_", "\\_").replace("%", "\\%") + "-%")
                .param("id", articleId == null ? -1L : articleId)
                .query(String.class)
                .list());
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = base + "-" + n;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    private static String shorten(String slug) {
        if (slug.length() <= MAX_SLUG) {
            return slug;
        }
        String cut = slug.substring(0, MAX_SLUG);
        int dash = cut.lastIndexOf('-');
        return (dash > 40 ? cut.substring(0, dash) : cut).replaceAll("-+$", "");
    }

    private static String strip(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    private static java.sql.@Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private record Values(
            String title,
            String lead,
            String body,
            List<String> tags,
            String author,
            String status,
            @Nullable Instant publishedAt,
            @Nullable Long imageId,
            String titleEn,
            String leadEn,
            String bodyEn) {}

    private record Current(
            String slug,
            String title,
            String lead,
            String body,
            String status,
            @Nullable Instant publishedAt,
            String english) {}
}
