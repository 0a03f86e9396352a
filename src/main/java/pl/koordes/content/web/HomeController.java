package pl.koordes.content.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import pl.koordes.content.internal.ArticleQueries;
import pl.koordes.content.internal.ContentProperties;
import pl.koordes.content.internal.SiteContent;
import pl.koordes.directory.Directory;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.web.HomePageSection;
import pl.koordes.shared.web.Page;
import pl.koordes.shared.web.PublicPage;

/**
 * The home page: the motto, the latest articles, the way into the regions (map and list), what other
 * modules add (upcoming events) and the patrons and partners.
 */
@Controller
class HomeController {

    private final Directory directory;
    private final HomeMap map;
    private final ArticleQueries articles;
    private final SiteContent site;
    private final List<HomePageSection> sections;
    private final ContentProperties properties;
    private final Clock clock;

    HomeController(
            Directory directory,
            HomeMap map,
            ArticleQueries articles,
            SiteContent site,
            List<HomePageSection> sections,
            ContentProperties properties,
            Clock clock) {
        this.directory = directory;
        this.map = map;
        this.articles = articles;
        this.site = site;
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(HomePageSection::order))
                .toList();
        this.properties = properties;
        this.clock = clock;
    }

    @PublicPage
    @GetMapping("/")
    String home(Model model) {
        Page page = (Page) model.getAttribute("page");
        model.addAttribute("regions", directory.regions());
        model.addAttribute("macroregions", directory.macroregions().size());
        model.addAttribute("mapHtml", map.html(page));
        model.addAttribute("latest", articles.latest(properties.latestOnHome()));
        model.addAttribute(
                "motto", site.motto(LocalDate.now(clock.withZone(Formats.ZONE))).orElse(null));
        model.addAttribute("partners", site.partners());
        model.addAttribute(
                "sections",
                sections.stream()
                        .map(s -> s.render(page.locale()))
                        .flatMap(Optional::stream)
                        .toList());
        return "content/home";
    }
}
