package pl.koordes.directory.web;

import gg.jte.Content;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import pl.koordes.directory.RegionPageSection;
import pl.koordes.directory.internal.DirectoryPermissions;
import pl.koordes.directory.internal.DirectoryProfiles;
import pl.koordes.directory.internal.RegionProfile;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Page;
import pl.koordes.shared.web.PublicPage;

/** The public directory: the map and list of regions, a region's page and a macroregion's page. */
@Controller
class DirectoryController {

    private final DirectoryProfiles profiles;
    private final DirectoryPageCache cache;
    private final List<RegionPageSection> sections;
    private final DirectoryPermissions permissions;

    DirectoryController(
            DirectoryProfiles profiles,
            DirectoryPageCache cache,
            List<RegionPageSection> sections,
            DirectoryPermissions permissions) {
        this.profiles = profiles;
        this.cache = cache;
        this.permissions = permissions;
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(RegionPageSection::order))
                .toList();
    }

    @PublicPage
    @GetMapping("/regiony")
    String regions(Page page, Model model) {
        DirectoryPageCache.Listing listing = cache.listing();
        model.addAttribute("regions", listing.regions());
        model.addAttribute("macroregions", listing.macroregions());
        model.addAttribute("map", cache.map(page, null));
        return "directory/regions";
    }

    @PublicPage
    @GetMapping("/regiony/{slug}")
    String region(@PathVariable String slug, Optional<CurrentUser> user, Page page, Model model, Locale locale) {
        RegionProfile profile = profiles.regionProfile(slug).orElseThrow(() -> new NotFound("region", slug));
        List<Content> extra = sections.stream()
                .map(section -> section.render(profile.region(), locale))
                .flatMap(Optional::stream)
                .toList();
        model.addAttribute("profile", profile);
        model.addAttribute("sections", extra);
        model.addAttribute("permissions", permissions);
        model.addAttribute("user", user.orElse(null));
        model.addAttribute("map", cache.map(page, profile.region().slug()));
        return "directory/region";
    }

    @PublicPage
    @GetMapping("/makroregiony/{slug}")
    String macroregion(@PathVariable String slug, Model model) {
        model.addAttribute(
                "profile", profiles.macroregionProfile(slug).orElseThrow(() -> new NotFound("macroregion", slug)));
        return "directory/macroregion";
    }
}
