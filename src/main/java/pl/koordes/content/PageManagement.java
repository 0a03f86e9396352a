package pl.koordes.content;

import java.time.Clock;
import java.sql.Timestamp;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.content.internal.Markdown;

/** The write path for static pages: the Markdown is rendered and sanitised once, when saved. */
@Service
@Transactional
public class PageManagement {

    private final JdbcClient jdbc;
    private final Markdown markdown;
    private final Clock clock;

    public PageManagement(JdbcClient jdbc, Markdown markdown, Clock clock) {
        this.jdbc = jdbc;
        this.markdown = markdown;
        this.clock = clock;
    }

    /** Creates the page with this address unless it exists; answers whether it was created. */
    public boolean createPageIfAbsent(String slug, PageForm form) {
        return jdbc.sql("""
                        insert into content_page (slug, title, lead, body_markdown, body_html, nav_order, updated_at)
                        values (:slug, :title, :lead, :body, :html, :nav, :now) on conflict (slug) do nothing""")
                .param("slug", slug).param("title", strip(form.title())).param("lead", strip(form.lead()))
                .param("body", form.body()).param("html", markdown.toHtml(form.body())).param("nav", nav(form.navOrder()))
                .param("now", Timestamp.from(clock.instant())).update() == 1;
    }

    /** Saves a new text of an existing page (its address stays); false when there is no such page. */
    public boolean updatePage(long id, PageForm form) {
        return jdbc.sql("""
                        update content_page set title = :title, lead = :lead, body_markdown = :body, body_html = :html,
                               nav_order = :nav, updated_at = :now where id = :id""")
                .param("title", strip(form.title())).param("lead", strip(form.lead())).param("body", form.body())
                .param("html", markdown.toHtml(form.body())).param("nav", nav(form.navOrder()))
                .param("now", Timestamp.from(clock.instant())).param("id", id).update() == 1;
    }

    private static @Nullable Integer nav(@Nullable String value) {
        return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
    }

    private static String strip(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
