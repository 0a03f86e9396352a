package pl.koordes.content.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import pl.koordes.shared.database.AfterTransaction;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.web.NavigationLinks;
import pl.koordes.shared.web.Page;

/**
 * The pages editors placed in the main navigation or the footer, for every page's header and footer.
 * Kept in memory: read once, dropped when a page changes on this node (after the change commits) and
 * read again in the background every minute (for changes made on another node), so a page view never
 * runs a query for the navigation.
 */
@Component
public class PageNavigation implements NavigationLinks {

    /** Pages are written in Polish; in the English interface their titles are marked as Polish. */
    private static final String PAGE_LANGUAGE = "pl";

    private final JdbcClient jdbc;
    private @Nullable Links links;
    /** Counts changes, so that a read that started before a change never stores what it read. */
    private long generation;

    public PageNavigation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Links(List<Page.NavigationItem> main, List<Page.NavigationItem> footer) {
    }

    @Override
    public List<Page.NavigationItem> main(Language language) {
        return links().main();
    }

    @Override
    public List<Page.NavigationItem> footer(Language language) {
        return links().footer();
    }

    /** A page was created or changed: the links are read again once the change is committed. */
    public void pagesChanged() {
        AfterTransaction.run(this::evict);
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void refresh() {
        long seen;
        synchronized (this) {
            seen = generation;
        }
        store(seen, load());
    }

    private Links links() {
        long seen;
        synchronized (this) {
            if (links != null) {
                return links;
            }
            seen = generation;
        }
        Links fresh = load();
        store(seen, fresh);
        return fresh;
    }

    private synchronized void store(long seen, Links fresh) {
        if (generation == seen) {
            links = fresh;
        }
    }

    private synchronized void evict() {
        generation++;
        links = null;
    }

    private Links load() {
        List<Page.NavigationItem> main = new ArrayList<>();
        List<Page.NavigationItem> footer = new ArrayList<>();
        jdbc.sql("select slug, title, nav_place from content_page where nav_place is not null order by nav_order, title, id")
                .query(rs -> {
                    Page.NavigationItem item = Page.NavigationItem.titled(PageAddresses.href(rs.getString("slug")),
                            rs.getString("title"), PAGE_LANGUAGE);
                    ("FOOTER".equals(rs.getString("nav_place")) ? footer : main).add(item);
                });
        return new Links(List.copyOf(main), List.copyOf(footer));
    }
}
