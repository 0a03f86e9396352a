package pl.koordes.content.web;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import pl.koordes.directory.DirectoryChanged;
import pl.koordes.directory.PolandMap;
import pl.koordes.shared.web.Page;

/**
 * The home page's map of Poland as finished HTML, one per language. Drawing it walks 16 outlines and
 * reads the regions; the result only changes when an administrator edits the directory, so it is made
 * once, dropped at once when the directory changes on this node, and made again after a minute at the
 * latest so that a change made on another node shows too.
 */
@Component
class HomeMap {

    /** A change made on another node shows here after at most this long. */
    private static final long LIFETIME_NANOS = 60_000_000_000L;

    private final PolandMap map;
    private final TemplateEngine templates;
    private final Map<String, Rendered> byLanguage = new ConcurrentHashMap<>();

    HomeMap(PolandMap map, TemplateEngine templates) {
        this.map = map;
        this.templates = templates;
    }

    private record Rendered(String html, long madeAt) {
    }

    String html(Page page) {
        long now = System.nanoTime();
        Rendered rendered = byLanguage.get(page.lang());
        if (rendered == null || now - rendered.madeAt() > LIFETIME_NANOS) {
            StringOutput output = new StringOutput();
            templates.render("directory/map.jte", Map.of("page", page, "shapes", map.shapes(), "viewBox", map.viewBox()), output);
            rendered = new Rendered(output.toString(), now);
            byLanguage.put(page.lang(), rendered);
        }
        return rendered.html();
    }

    @EventListener
    void directoryChanged(DirectoryChanged change) {
        byLanguage.clear();
    }
}
