package pl.koordes.content.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.shared.web.KeptFragment;
import pl.koordes.shared.web.Page;
import pl.koordes.shared.web.PublicPage;

/**
 * The home page: the motto, the latest articles, the way into the regions (map and list), what other
 * modules add (upcoming events) and the patrons and partners. The regions and the map are kept by the directory
 * and {@link HomeMap}; the other blocks, for signed-in people, by {@link HomeBlocks}.
 *
 * <p>All of that is the same for everyone who reads the page in a language; only the page around it (the header
 * with the person's links, the form tokens) is theirs. For signed-in people the main content is therefore kept
 * rendered, as long as what it was rendered from is what they would be shown now: the same kept blocks, regions
 * and map (so it is exactly as fresh as they are). Rendering it was about a third of the page's CPU. Anonymous
 * visitors get the whole page from the page cache, which renders it afresh.
 */
@Controller
class HomeController {

    private final Directory directory;
    private final HomeMap map;
    private final HomeBlocks blocks;
    private final TemplateEngine templates;
    private final Map<Locale, Rendered> rendered = new ConcurrentHashMap<>();

    /** The main content as rendered from these (kept, unchanging) objects. */
    private record Rendered(HomeBlocks.Blocks blocks, List<Region> regions, String mapHtml, KeptFragment html) {

        boolean from(HomeBlocks.Blocks shown, List<Region> regionsNow, String mapNow) {
            return blocks == shown && regions == regionsNow && mapHtml == mapNow;
        }
    }

    HomeController(Directory directory, HomeMap map, HomeBlocks blocks, TemplateEngine templates) {
        this.directory = directory;
        this.map = map;
        this.blocks = blocks;
        this.templates = templates;
    }

    @PublicPage
    @GetMapping("/")
    String home(Page page, Model model) {
        List<Region> regions = directory.regions();
        String mapHtml = map.html(page);
        HomeBlocks.Blocks shown = blocks.of(page.locale(), page.signedIn());
        Content main;
        if (page.signedIn()) {
            Rendered kept = rendered.get(page.locale());
            if (kept == null || !kept.from(shown, regions, mapHtml)) {
                kept = new Rendered(shown, regions, mapHtml, KeptFragment.of(render(page, regions, mapHtml, shown)));
                rendered.put(page.locale(), kept);
            }
            // Also kept compressed: a compressed page takes it without compressing it again.
            main = kept.html().content();
        } else {
            byte[] html = render(page, regions, mapHtml, shown);
            main = output -> output.writeBinaryContent(html);
        }
        model.addAttribute("main", main);
        return "content/home";
    }

    private byte[] render(Page page, List<Region> regions, String mapHtml, HomeBlocks.Blocks shown) {
        Map<String, Object> params = new HashMap<>();
        params.put("page", page);
        params.put("regions", regions);
        params.put("macroregions", directory.macroregions().size());
        params.put("mapHtml", mapHtml);
        params.put("latest", shown.latest());
        params.put("motto", shown.motto());
        params.put("partners", shown.partners());
        params.put("sections", shown.sections());
        Utf8ByteOutput output = new Utf8ByteOutput();
        templates.render("content/homeMain.jte", params, output);
        return output.toByteArray();
    }
}
