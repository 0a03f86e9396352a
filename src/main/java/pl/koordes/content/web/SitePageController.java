package pl.koordes.content.web;

import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import pl.koordes.content.internal.ContentPermissions;
import pl.koordes.content.internal.PageAddresses;
import pl.koordes.content.internal.SiteContent;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.PublicPage;

/** Static pages (about the programme, the manifesto, the accessibility declaration, the privacy policy) and the list of patrons and partners. */
@Controller
class SitePageController {

    private final SiteContent site;
    private final ContentPermissions permissions;

    SitePageController(SiteContent site, ContentPermissions permissions) {
        this.site = site;
        this.permissions = permissions;
    }

    @PublicPage
    @GetMapping("/strony/{slug}")
    String page(@PathVariable String slug, Optional<CurrentUser> user, Model model) {
        if (PageAddresses.FIXED.containsKey(slug)) {
            // A page with an address of its own is only shown there, so that it has one address.
            throw notFound();
        }
        return show(slug, user, model);
    }

    @PublicPage
    @GetMapping("/deklaracja-dostepnosci")
    String accessibility(Optional<CurrentUser> user, Model model) {
        return show("deklaracja-dostepnosci", user, model);
    }

    /** The privacy policy: an editable page at the address registration forms and RODO notices link to. */
    @PublicPage
    @GetMapping("/prywatnosc")
    String privacy(Optional<CurrentUser> user, Model model) {
        return show("prywatnosc", user, model);
    }

    @PublicPage
    @GetMapping("/patronaty")
    String partners(Model model) {
        model.addAttribute("partners", site.partners());
        return "content/partners";
    }

    private String show(String slug, Optional<CurrentUser> user, Model model) {
        model.addAttribute("sitePage", site.page(slug).orElseThrow(SitePageController::notFound));
        model.addAttribute("canEdit", permissions.canEditSite(user));
        return "content/page";
    }

    private static NotFound notFound() {
        return new NotFound("page", "");
    }
}
