package pl.koordes.content.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the portal's smaller content: static pages, motto quotes, patrons and partners. One statement each. */
@Service
@Transactional(readOnly = true)
public class SiteContent {

    private final JdbcClient jdbc;

    public SiteContent(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A quote with its source. */
    public record Quote(long id, String text, String source, boolean featured, boolean active) {}

    /** A patron or partner; {@code kind} is PATRON, PARTNER, FUNDER or MEDIA_PATRON. */
    public record Partner(
            long id,
            String kind,
            String name,
            @Nullable String url,
            @Nullable Long logoId,
            int sortOrder) {

        public @Nullable String logoHref() {
            return logoId == null ? null : "/media/" + logoId;
        }
    }

    /**
     * A static page in Polish and, when {@code titleEn} and {@code bodyHtmlEn} are not empty, in English;
     * {@code navPlace} is MAIN, FOOTER or null (outside the navigation).
     */
    public record SitePage(
            long id,
            String slug,
            String title,
            String lead,
            String bodyHtml,
            String titleEn,
            String leadEn,
            String bodyHtmlEn,
            @Nullable String navPlace,
            @Nullable Integer navOrder,
            Instant updatedAt) {

        public String href() {
            return PageAddresses.href(slug);
        }

        public boolean hasEnglish() {
            return !titleEn.isEmpty() && !bodyHtmlEn.isEmpty();
        }

        /** What a reader of this interface language sees: the English version, or else the Polish text marked as Polish. */
        public Version version(boolean english) {
            if (!english) {
                return new Version(title, lead, bodyHtml, null);
            }
            return hasEnglish()
                    ? new Version(titleEn, leadEn, bodyHtmlEn, null)
                    : new Version(title, lead, bodyHtml, "pl");
        }
    }

    /** A page's text in one language; {@code lang} is set when it differs from the interface's language. */
    public record Version(
            String title,
            String lead,
            String bodyHtml,
            @Nullable String lang) {}

    /** A page's Markdown for its editor, Polish and English (empty without an English version). */
    public record PageMarkdown(String polish, String english) {}

    /** The quote for the home page on this day: the featured one, or else the active quotes in turn. */
    public Optional<Quote> motto(LocalDate day) {
        List<Quote> quotes = jdbc.sql(
                        "select id, text, source, featured, active from motto_quote where active order by featured desc, id")
                .query(SiteContent::quote)
                .list();
        if (quotes.isEmpty()) {
            return Optional.empty();
        }
        if (quotes.getFirst().featured()) {
            return Optional.of(quotes.getFirst());
        }
        return Optional.of(quotes.get((int) Math.floorMod(day.toEpochDay(), (long) quotes.size())));
    }

    public List<Quote> quotes() {
        return jdbc.sql(
                        "select id, text, source, featured, active from motto_quote order by featured desc, active desc, id")
                .query(SiteContent::quote)
                .list();
    }

    private static Quote quote(ResultSet rs, int row) throws SQLException {
        return new Quote(
                rs.getLong("id"),
                rs.getString("text"),
                rs.getString("source"),
                rs.getBoolean("featured"),
                rs.getBoolean("active"));
    }

    /** Patrons and partners in the editors' order. */
    public List<Partner> partners() {
        return jdbc.sql("select id, kind, name, url, logo_id, sort_order from partner order by sort_order, id")
                .query((rs, n) -> new Partner(
                        rs.getLong("id"),
                        rs.getString("kind"),
                        rs.getString("name"),
                        rs.getString("url"),
                        ArticleQueries.nullableLong(rs, "logo_id"),
                        rs.getInt("sort_order")))
                .list();
    }

    /** The patron or partner with this id, for its editor. */
    public Optional<Partner> partner(long id) {
        return partners().stream().filter(partner -> partner.id() == id).findFirst();
    }

    public Optional<SitePage> page(String slug) {
        if (!ArticleQueries.plausibleSlug(slug)) {
            return Optional.empty();
        }
        return jdbc.sql(
                        "select id, slug, title, lead, body_html, title_en, lead_en, body_html_en, nav_place, nav_order, updated_at from content_page where slug = :slug")
                .param("slug", slug)
                .query((rs, n) -> sitePage(rs))
                .optional();
    }

    public Optional<SitePage> page(long id) {
        return jdbc.sql(
                        "select id, slug, title, lead, body_html, title_en, lead_en, body_html_en, nav_place, nav_order, updated_at from content_page where id = :id")
                .param("id", id)
                .query((rs, n) -> sitePage(rs))
                .optional();
    }

    public List<SitePage> pages() {
        return jdbc.sql(
                        "select id, slug, title, lead, body_html, title_en, lead_en, body_html_en, nav_place, nav_order, updated_at from content_page order by nav_place nulls last, nav_order, title")
                .query((rs, n) -> sitePage(rs))
                .list();
    }

    /** The Markdown of a page, for its editor. */
    public Optional<PageMarkdown> pageMarkdown(long id) {
        return jdbc.sql("select body_markdown, body_markdown_en from content_page where id = :id")
                .param("id", id)
                .query((rs, n) -> new PageMarkdown(rs.getString("body_markdown"), rs.getString("body_markdown_en")))
                .optional();
    }

    /** A page's texts as editors wrote them, both languages, for the go-live checklist. */
    public record PageText(long id, String slug, String title, String polish, String english) {}

    /** Every page's texts (title, lead and Markdown in each language), in the navigation's order. */
    public List<PageText> pageTexts() {
        return jdbc.sql("""
                        select id, slug, title, lead, body_markdown, title_en, lead_en, body_markdown_en from content_page
                        order by nav_place nulls last, nav_order, title""")
                .query((rs, n) -> new PageText(
                        rs.getLong("id"),
                        rs.getString("slug"),
                        rs.getString("title"),
                        String.join("\n", rs.getString("title"), rs.getString("lead"), rs.getString("body_markdown")),
                        String.join(
                                "\n",
                                rs.getString("title_en"),
                                rs.getString("lead_en"),
                                rs.getString("body_markdown_en"))))
                .list();
    }

    private static SitePage sitePage(ResultSet rs) throws SQLException {
        int nav = rs.getInt("nav_order");
        Integer navOrder = rs.wasNull() ? null : nav;
        return new SitePage(
                rs.getLong("id"),
                rs.getString("slug"),
                rs.getString("title"),
                rs.getString("lead"),
                rs.getString("body_html"),
                rs.getString("title_en"),
                rs.getString("lead_en"),
                rs.getString("body_html_en"),
                rs.getString("nav_place"),
                navOrder,
                rs.getTimestamp("updated_at").toInstant());
    }
}
