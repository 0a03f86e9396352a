package pl.koordes.content.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import pl.koordes.content.internal.ContentPermissions;
import pl.koordes.content.internal.PageAddresses;
import pl.koordes.content.internal.Placeholders;
import pl.koordes.content.internal.SiteContent;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.PublicPage;

/** Static pages (about the programme, the manifesto, the accessibility declaration, the privacy policy) and the list of patrons and partners. */
@Controller
class SitePageController {

    private final SiteContent site;
    private final ContentPermissions permissions;
    private final Placeholders placeholders;

    SitePageController(SiteContent site, ContentPermissions permissions, Placeholders placeholders) {
        this.site = site;
        this.permissions = permissions;
        this.placeholders = placeholders;
    }

    @PublicPage
    @GetMapping("/strony/{slug}")
    String page(@PathVariable String slug, Optional<CurrentUser> user, Locale locale, Model model) {
        if (PageAddresses.FIXED.containsKey(slug)) {
            // A page with an address of its own is only shown there, so that it has one address.
            throw notFound();
        }
        return show(slug, user, locale, model);
    }

    @PublicPage
    @GetMapping("/deklaracja-dostepnosci")
    String accessibility(Optional<CurrentUser> user, Locale locale, Model model) {
        return show("deklaracja-dostepnosci", user, locale, model);
    }

    /** The privacy policy: an editable page at the address registration forms and RODO notices link to. */
    @PublicPage
    @GetMapping("/prywatnosc")
    String privacy(Optional<CurrentUser> user, Locale locale, Model model) {
        return show("prywatnosc", user, locale, model);
    }

    @PublicPage
    @GetMapping("/patronaty")
    String partners(Model model) {
        model.addAttribute("partners", site.partners());
        return "content/partners";
    }

    /**
     * The page; an editor also sees the placeholders still in it. Only signed-in people can edit, and a
     * signed-in person's page is never cached for visitors (AnonymousPageCache), so the warning reaches
     * editors only.
     */
    private String show(String slug, Optional<CurrentUser> user, Locale locale, Model model) {
        SiteContent.SitePage page = site.page(slug).orElseThrow(SitePageController::notFound);
        boolean english = "en".equals(locale.getLanguage());
        boolean canEdit = permissions.canEditSite(user);
        model.addAttribute("sitePage", page);
        model.addAttribute("text", placeholders.forVisitors(page, english));
        model.addAttribute("canEdit", canEdit);
        model.addAttribute("placeholders", canEdit ? placeholders.left(page, english) : List.of());
        model.addAttribute("placeholdersHidden", placeholders.hidden());
        return "content/page";
    }

    private static NotFound notFound() {
        return new NotFound("page", "");
    }
}
