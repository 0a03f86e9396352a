package pl.koordes.content.web;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import pl.koordes.directory.DirectoryChanged;
import pl.koordes.directory.MapShape;
import pl.koordes.directory.PolandMap;
import pl.koordes.shared.cluster.ClusterChanges;
import pl.koordes.shared.web.Page;

/**
 * The home page's map of Poland as finished HTML, one per language. Drawing it walks 16 outlines and
 * reads the regions; that only changes when an administrator edits the directory, so the outlines are
 * read at start, again at once when the directory changes on this node and every minute in the
 * background (for changes made on another node). A page view never runs a query for the map, so the
 * home page runs the same statements on every request.
 */
@Component
class HomeMap {

    private final PolandMap map;
    private final TemplateEngine templates;
    private volatile Outlines outlines;
    private final Map<String, String> byLanguage = new ConcurrentHashMap<>();

    HomeMap(PolandMap map, TemplateEngine templates, ClusterChanges changes) {
        changes.onChange(DirectoryChanged.CLUSTER_KIND, () -> outlines = null);
        this.map = map;
        this.templates = templates;
    }

    private record Outlines(List<MapShape> shapes, String viewBox) {}

    String html(Page page) {
        Outlines current = outlines;
        if (current == null) {
            current = reload();
        }
        Outlines used = current;
        return byLanguage.computeIfAbsent(page.lang() + "@" + System.identityHashCode(used), key -> {
            StringOutput output = new StringOutput();
            templates.render(
                    "directory/map.jte",
                    Map.of("page", page, "shapes", used.shapes(), "viewBox", used.viewBox()),
                    output);
            return output.toString();
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        reload();
    }

    @EventListener
    void directoryChanged(DirectoryChanged change) {
        reload();
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void refresh() {
        Outlines fresh = new Outlines(map.shapes(), map.viewBox());
        if (outlines == null || !fresh.equals(outlines)) {
            replace(fresh);
        }
    }

    private Outlines reload() {
        Outlines fresh = new Outlines(map.shapes(), map.viewBox());
        replace(fresh);
        return fresh;
    }

    private void replace(Outlines fresh) {
        outlines = fresh;
        byLanguage.clear();
    }
}
