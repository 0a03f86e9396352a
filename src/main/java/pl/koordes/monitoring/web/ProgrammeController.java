package pl.koordes.monitoring.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.monitoring.internal.MonitoringPermissions;
import pl.koordes.monitoring.internal.ProgrammeComparison;
import pl.koordes.monitoring.internal.ProgrammeStore;
import pl.koordes.monitoring.internal.ProgrammeViews.Content;
import pl.koordes.monitoring.internal.ProgrammeViews.Latest;
import pl.koordes.monitoring.internal.ProgrammeViews.Version;
import pl.koordes.monitoring.internal.VersionStatus;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.PublicPage;

/**
 * The public pages of the regional programmes: the list of the 16, a region's current programme with its
 * indicators' progress, each former version, and a version compared with the current one. Drafts are not
 * public: they are read in the editing area ({@link ProgrammeDraftController}).
 */
@Controller
class ProgrammeController {

    static final String BASE = "/monitoring/regiony";

    private final Directory directory;
    private final ProgrammeStore store;
    private final MonitoringPermissions permissions;

    ProgrammeController(Directory directory, ProgrammeStore store, MonitoringPermissions permissions) {
        this.directory = directory;
        this.store = store;
        this.permissions = permissions;
    }

    @PublicPage
    @GetMapping(BASE)
    String list(Model model) {
        model.addAttribute("listing", store.listing());
        return "monitoring/programmes/list";
    }

    @PublicPage
    @GetMapping(BASE + "/{slug}")
    String programme(@PathVariable String slug, Optional<CurrentUser> user, Model model) {
        Region region = region(slug);
        List<Version> versions = store.versions(region.id());
        Version current =
                ProgrammeStore.withStatus(versions, VersionStatus.CURRENT).orElse(null);
        model.addAttribute("permissions", permissions);
        model.addAttribute("user", user.orElse(null));
        if (current == null) {
            model.addAttribute("region", region);
            model.addAttribute("versions", versions);
            return "monitoring/programmes/none";
        }
        return show(model, region, current, versions, user.orElse(null));
    }

    @PublicPage
    @GetMapping(BASE + "/{slug}/wersje/{number}")
    String version(@PathVariable String slug, @PathVariable int number, Optional<CurrentUser> user, Model model) {
        Region region = region(slug);
        List<Version> versions = store.versions(region.id());
        Version version = published(versions, number);
        model.addAttribute("permissions", permissions);
        model.addAttribute("user", user.orElse(null));
        return show(model, region, version, versions, user.orElse(null));
    }

    @PublicPage
    @GetMapping(BASE + "/{slug}/wersje/{number}/porownanie")
    String comparison(@PathVariable String slug, @PathVariable int number, Model model) {
        Region region = region(slug);
        List<Version> versions = store.versions(region.id());
        Version version = published(versions, number);
        Version current = ProgrammeStore.withStatus(versions, VersionStatus.CURRENT)
                .orElseThrow(() -> new NotFound("current version", region.id()));
        Content one = store.content(version);
        Content other = version.id() == current.id() ? one : store.content(current);
        // The older version on the left: a former version against the current one.
        ProgrammeComparison comparison = version.number() <= current.number()
                ? ProgrammeComparison.of(one, other)
                : ProgrammeComparison.of(other, one);
        model.addAttribute("region", region);
        model.addAttribute("comparison", comparison);
        model.addAttribute("back", BASE + "/" + region.slug() + "/wersje/" + number);
        model.addAttribute("draftArea", false);
        return "monitoring/programmes/comparison";
    }

    private String show(
            Model model, Region region, Version version, List<Version> versions, @Nullable CurrentUser user) {
        Content content = store.content(version);
        Map<Long, Latest> latest = store.latest(region.id(), content);
        model.addAttribute("region", region);
        model.addAttribute("content", content);
        model.addAttribute("latest", latest);
        model.addAttribute("versions", versions);
        model.addAttribute("canRead", permissions.canReadRegion(user, region.id()));
        return "monitoring/programmes/programme";
    }

    /** An adopted version (current or superseded); a draft is not public. */
    private static Version published(List<Version> versions, int number) {
        return ProgrammeStore.numbered(versions, number)
                .filter(v -> v.status() != VersionStatus.DRAFT)
                .orElseThrow(() -> new NotFound("programme version", number));
    }

    private Region region(String slug) {
        return directory.region(slug).orElseThrow(() -> new NotFound("region", slug));
    }
}
