package pl.koordes.content.internal;

import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.content.NewPageForm;
import pl.koordes.content.SitePageCreated;
import pl.koordes.shared.outcome.Refused;

/** Editors add static pages (a contact page, say) at an address of their choice, through the pages' one write path. */
@Service
@Transactional
public class NewPages {

    private final SitePageManagement pages;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    public NewPages(SitePageManagement pages, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.pages = pages;
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Creates the page from a checked form; answers its id.
     *
     * @throws Refused when a page already has this address
     */
    public long create(NewPageForm form) {
        String slug = Objects.requireNonNull(form.slug(), "form not checked").strip();
        if (!pages.createPageIfAbsent(slug, form.page())) {
            throw Refused.field("slug", "content.page.slug.taken");
        }
        long id = jdbc.sql("select id from content_page where slug = :slug")
                .param("slug", slug)
                .query(Long.class)
                .single();
        events.publishEvent(new SitePageCreated(
                id, slug, Objects.requireNonNull(form.title()).strip()));
        return id;
    }
}
