package pl.koordes.content.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import pl.koordes.shared.cluster.ClusterChanges;
import pl.koordes.shared.database.AfterTransaction;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.web.NavigationLinks;
import pl.koordes.shared.web.Page;

/**
 * The pages editors placed in the main navigation or the footer, for every page's header and footer.
 * Kept in memory: read once, dropped when a page changes (on this node after the change commits, on every
 * node when it hears of it through {@link ClusterChanges}) and read again in the background every minute as a
 * second line, so a page view never runs a query for the navigation.
 */
@Component
public class PageNavigation implements NavigationLinks {

    /** The kind every node hears of ({@link ClusterChanges}) when a page in the navigation may have changed. */
    static final String CLUSTER_KIND = "content-pages";

    private final JdbcClient jdbc;
    private final ClusterChanges changes;
    /** Read without a lock: every page reads it, and a lock every request threads takes was contended. */
    private volatile @Nullable Links links;
    /** Counts changes, so that a read that started before a change never stores what it read. */
    private long generation;

    public PageNavigation(JdbcClient jdbc, ClusterChanges changes) {
        this.changes = changes;
        changes.onChange(CLUSTER_KIND, this::evict);
        this.jdbc = jdbc;
    }

    /** Each language's links: a page without an English version keeps its Polish title, marked as Polish. */
    private record Links(
            List<Page.NavigationItem> main,
            List<Page.NavigationItem> footer,
            List<Page.NavigationItem> mainEn,
            List<Page.NavigationItem> footerEn) {}

    @Override
    public List<Page.NavigationItem> main(Language language) {
        return language == Language.EN ? links().mainEn() : links().main();
    }

    @Override
    public List<Page.NavigationItem> footer(Language language) {
        return language == Language.EN ? links().footerEn() : links().footer();
    }

    /** A page was created or changed: the links are read again once the change is committed. */
    public void pagesChanged() {
        changes.changed(CLUSTER_KIND);
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
        Links kept = links;
        if (kept != null) {
            return kept;
        }
        long seen;
        synchronized (this) {
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
        List<Page.NavigationItem> mainEn = new ArrayList<>();
        List<Page.NavigationItem> footerEn = new ArrayList<>();
        jdbc.sql("""
                        select slug, title, title_en, body_html_en <> '' as english, nav_place from content_page
                        where nav_place is not null order by nav_order, title, id""").query(rs -> {
            String href = PageAddresses.href(rs.getString("slug"));
            boolean footerPlace = "FOOTER".equals(rs.getString("nav_place"));
            Page.NavigationItem polish = Page.NavigationItem.titled(href, rs.getString("title"), "pl");
            Page.NavigationItem english =
                    rs.getBoolean("english") && !rs.getString("title_en").isEmpty()
                            ? Page.NavigationItem.titled(href, rs.getString("title_en"), "en")
                            : polish;
            (footerPlace ? footer : main).add(polish);
            (footerPlace ? footerEn : mainEn).add(english);
        });
        return new Links(List.copyOf(main), List.copyOf(footer), List.copyOf(mainEn), List.copyOf(footerEn));
    }
}
