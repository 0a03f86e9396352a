package pl.koordes.content.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.content.ContentAction;
import pl.koordes.content.SitePageForm;
import pl.koordes.shared.text.Markdown;

/** The write path for static pages: the Markdown is rendered and sanitised once, when saved. */
@Service
@Transactional
public class SitePageManagement {

    private final JdbcClient jdbc;
    private final Markdown markdown;
    private final Clock clock;
    private final PageNavigation navigation;
    private final ContentAudit audit;

    public SitePageManagement(
            JdbcClient jdbc, Markdown markdown, Clock clock, PageNavigation navigation, ContentAudit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.markdown = markdown;
        this.clock = clock;
        this.navigation = navigation;
    }

    /** Creates the page with this address unless it exists; answers whether it was created. */
    public boolean createPageIfAbsent(String slug, SitePageForm form) {
        boolean created =
                jdbc.sql("""
                        insert into content_page (slug, title, lead, body_markdown, body_html, title_en, lead_en, body_markdown_en,
                                                  body_html_en, nav_place, nav_order, updated_at)
                        values (:slug, :title, :lead, :body, :html, :titleEn, :leadEn, :bodyEn, :htmlEn, :place, :nav, :now)
                        on conflict (slug) do nothing""").param("slug", slug).params(parameters(form)).update() == 1;
        if (created) {
            navigation.pagesChanged();
        }
        return created;
    }

    /** Saves a new text of an existing page (its address stays); false when there is no such page. */
    public boolean updatePage(long id, SitePageForm form) {
        Optional<Map<String, @Nullable Object>> before = audit.page(id);
        boolean updated = jdbc.sql("""
                        update content_page set title = :title, lead = :lead, body_markdown = :body, body_html = :html,
                               title_en = :titleEn, lead_en = :leadEn, body_markdown_en = :bodyEn, body_html_en = :htmlEn,
                               nav_place = :place, nav_order = :nav, updated_at = :now where id = :id""").params(parameters(form)).param("id", id).update() == 1;
        if (updated) {
            audit.publish(
                    ContentAction.SITE_PAGE_UPDATED,
                    "page",
                    id,
                    before.orElseThrow(),
                    audit.page(id).orElseThrow());
            // The title or the place may have changed: every page's navigation shows it.
            navigation.pagesChanged();
        }
        return updated;
    }

    /** The page's columns as the form gives them, the same for a new page and a changed one. */
    private Map<String, @Nullable Object> parameters(SitePageForm form) {
        Map<String, @Nullable Object> parameters = new LinkedHashMap<>();
        parameters.put("title", strip(form.title()));
        parameters.put("lead", strip(form.lead()));
        parameters.put("body", form.body());
        parameters.put("html", markdown.toHtml(form.body()));
        parameters.put("titleEn", strip(form.titleEn()));
        parameters.put("leadEn", strip(form.leadEn()));
        parameters.put("bodyEn", text(form.bodyEn()));
        parameters.put("htmlEn", html(form.bodyEn()));
        parameters.put("place", place(form));
        parameters.put("nav", nav(form));
        parameters.put("now", Timestamp.from(clock.instant()));
        return parameters;
    }

    private static String text(@Nullable String markdown) {
        return markdown == null || markdown.isBlank() ? "" : markdown;
    }

    /** The English text's HTML, empty without one (the page then has no English version). */
    private String html(@Nullable String text) {
        return text == null || text.isBlank() ? "" : markdown.toHtml(text);
    }

    private static @Nullable String place(SitePageForm form) {
        return form.navPlace() == null || form.navPlace().isBlank() ? null : form.navPlace();
    }

    /** The position counts only with a place (a page outside the navigation has none); a place without one is first. */
    private static @Nullable Integer nav(SitePageForm form) {
        if (place(form) == null) {
            return null;
        }
        String value = form.navOrder();
        return value == null || value.isBlank() ? 0 : Integer.valueOf(value.strip());
    }

    private static String strip(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
