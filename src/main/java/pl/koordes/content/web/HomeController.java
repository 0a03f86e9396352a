package pl.koordes.content.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import pl.koordes.directory.Directory;
import pl.koordes.shared.web.Page;
import pl.koordes.shared.web.PublicPage;

/**
 * The home page: the motto, the latest articles, the way into the regions (map and list), what other
 * modules add (upcoming events) and the patrons and partners. The regions and the map are kept by the directory
 * and {@link HomeMap}; the other blocks, for signed-in people, by {@link HomeBlocks}.
 */
@Controller
class HomeController {

    private final Directory directory;
    private final HomeMap map;
    private final HomeBlocks blocks;

    HomeController(Directory directory, HomeMap map, HomeBlocks blocks) {
        this.directory = directory;
        this.map = map;
        this.blocks = blocks;
    }

    @PublicPage
    @GetMapping("/")
    String home(Model model) {
        Page page = (Page) model.getAttribute("page");
        model.addAttribute("regions", directory.regions());
        model.addAttribute("macroregions", directory.macroregions().size());
        model.addAttribute("mapHtml", map.html(page));
        HomeBlocks.Blocks shown = blocks.of(page.locale(), page.signedIn());
        model.addAttribute("latest", shown.latest());
        model.addAttribute("motto", shown.motto());
        model.addAttribute("partners", shown.partners());
        model.addAttribute("sections", shown.sections());
        return "content/home";
    }
}
