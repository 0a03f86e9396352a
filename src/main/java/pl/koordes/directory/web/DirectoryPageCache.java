package pl.koordes.directory.web;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import pl.koordes.directory.Directory;
import pl.koordes.directory.DirectoryChanged;
import pl.koordes.directory.Macroregion;
import pl.koordes.directory.MapShape;
import pl.koordes.directory.PolandMap;
import pl.koordes.directory.Region;
import pl.koordes.shared.cluster.ClusterChanges;
import pl.koordes.shared.database.AfterTransaction;
import pl.koordes.shared.web.Page;

/**
 * The directory's pages' unchanging parts: the lists of regions and macroregions and the map of Poland
 * drawn as finished HTML, once per language and highlighted region. They change only when an
 * administrator edits the directory, so they are read once and dropped when the directory changes: on this
 * node once the change is committed, on every node when it hears of it ({@link ClusterChanges}, kind
 * {@link DirectoryChanged#CLUSTER_KIND}, which this class announces for the directory module), and read again
 * in the background every minute as a second line. A region page then queries only for what is its own.
 */
@Component
class DirectoryPageCache {

    private final Directory directory;
    private final PolandMap map;
    private final TemplateEngine templates;
    private final ClusterChanges changes;
    private final Map<String, String> maps = new ConcurrentHashMap<>();
    private @Nullable Listing listing;
    /** Counts changes, so that a read that started before a change never stores what it read. */
    private long generation;

    DirectoryPageCache(Directory directory, PolandMap map, TemplateEngine templates, ClusterChanges changes) {
        this.changes = changes;
        changes.onChange(DirectoryChanged.CLUSTER_KIND, this::evict);
        this.directory = directory;
        this.map = map;
        this.templates = templates;
    }

    /** Regions and macroregions in their order, with the regions' outlines. */
    record Listing(List<Region> regions, List<Macroregion> macroregions, List<MapShape> shapes, String viewBox) {}

    Listing listing() {
        long seen;
        synchronized (this) {
            if (listing != null) {
                return listing;
            }
            seen = generation;
        }
        Listing fresh = load();
        store(seen, fresh);
        return fresh;
    }

    /** The map's HTML in the page's language, with the region of this address (or none) marked as current. */
    String map(Page page, @Nullable String currentSlug) {
        Listing used = listing();
        String key = page.lang() + "|" + (currentSlug == null ? "" : currentSlug);
        String html = maps.get(key);
        if (html == null) {
            StringOutput output = new StringOutput();
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("page", page);
            parameters.put("shapes", used.shapes());
            parameters.put("viewBox", used.viewBox());
            parameters.put("currentSlug", currentSlug);
            templates.render("directory/map.jte", parameters, output);
            html = output.toString();
            synchronized (this) {
                // Only maps of the listing still in use are kept, and only for real regions (a bounded set).
                if (used == listing
                        && (currentSlug == null
                                || used.regions().stream()
                                        .anyMatch(r -> r.slug().equals(currentSlug)))) {
                    maps.put(key, html);
                }
            }
        }
        return html;
    }

    @EventListener
    void directoryChanged(DirectoryChanged change) {
        changes.changed(DirectoryChanged.CLUSTER_KIND);
        AfterTransaction.run(this::evict);
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void refresh() {
        long seen;
        Listing current;
        synchronized (this) {
            seen = generation;
            current = listing;
        }
        Listing fresh = load();
        if (!fresh.equals(current)) {
            store(seen, fresh);
        }
    }

    private synchronized void store(long seen, Listing fresh) {
        if (generation == seen) {
            listing = fresh;
            maps.clear();
        }
    }

    private synchronized void evict() {
        generation++;
        listing = null;
        maps.clear();
    }

    private Listing load() {
        return new Listing(directory.regions(), directory.macroregions(), map.shapes(), map.viewBox());
    }
}
