package pl.koordes.content.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import pl.koordes.directory.Directory;
import pl.koordes.directory.PolandMap;

/** The home page: what the platform is for and the way into the regions. */
@Controller
class HomeController {

    private final Directory directory;
    private final PolandMap map;

    HomeController(Directory directory, PolandMap map) {
        this.directory = directory;
        this.map = map;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("regions", directory.regions());
        model.addAttribute("macroregions", directory.macroregions());
        model.addAttribute("shapes", map.shapes());
        model.addAttribute("viewBox", map.viewBox());
        return "content/home";
    }
}
