package pl.koordes.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.security.CurrentUsers;
import pl.koordes.shared.security.SessionBoundCsrfTokenRepository;

/** Builds the {@link Page} of a request, for controllers (through the model) and for error pages. */
@Component
public class PageFactory {

    private static final List<Page.NavigationItem> NAVIGATION = List.of(
            new Page.NavigationItem("/", "nav.home"),
            new Page.NavigationItem("/aktualnosci", "nav.articles"),
            new Page.NavigationItem("/regiony", "nav.regions"),
            new Page.NavigationItem("/wydarzenia", "nav.events"));

    /** The authority every fully signed-in person holds (see the accounts module). */
    private static final String SIGNED_IN = "ROLE_USER";

    private final Messages messages;
    private final ResourceUrlProvider assets;
    private final SiteProperties site;
    private final List<HeaderLink> headerLinks;
    private final List<NavigationLinks> navigationLinks;

    public PageFactory(
            Messages messages,
            ResourceUrlProvider mvcResourceUrlProvider,
            SiteProperties site,
            ObjectProvider<HeaderLink> headerLinks,
            ObjectProvider<NavigationLinks> navigationLinks) {
        this.messages = messages;
        this.assets = mvcResourceUrlProvider;
        this.site = site;
        this.headerLinks = headerLinks
                .orderedStream()
                .sorted(Comparator.comparingInt(HeaderLink::order))
                .toList();
        this.navigationLinks = navigationLinks.orderedStream().toList();
    }

    public Page create(HttpServletRequest request) {
        Language language = LanguageResolver.resolve(request);
        String path = pathOf(request);
        String query =
                request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) != null ? null : request.getQueryString();
        String other = safeOtherLanguageUrl(path, query, language);
        // Only a signed-in person's page carries a token: a public page is the same for every visitor.
        CsrfToken csrf = SessionBoundCsrfTokenRepository.signedIn(request)
                ? (CsrfToken) request.getAttribute(CsrfToken.class.getName())
                : null;
        if (csrf != null) {
            // The token is saved in the session when first read, which must happen before the response starts
            // streaming: a form at the end of a long page would otherwise carry a token that nothing matches.
            csrf.getToken();
        }
        return new Page(
                language,
                messages,
                assets,
                path,
                other,
                mainNavigation(language),
                site.demo(),
                signedIn(),
                csrf,
                personalLinks(),
                footerNavigation(language));
    }

    /** The fixed module links, then what modules add (pages an editor placed in the navigation). */
    private List<Page.NavigationItem> mainNavigation(Language language) {
        if (navigationLinks.isEmpty()) {
            return NAVIGATION;
        }
        List<Page.NavigationItem> items = new ArrayList<>(NAVIGATION);
        navigationLinks.forEach(links -> items.addAll(links.main(language)));
        return items;
    }

    private List<Page.NavigationItem> footerNavigation(Language language) {
        return navigationLinks.size() == 1
                ? navigationLinks.getFirst().footer(language)
                : navigationLinks.stream()
                        .flatMap(links -> links.footer(language).stream())
                        .toList();
    }

    /** The header's links for the person signed in, each shown when that module's permissions allow it. */
    private List<Page.NavigationItem> personalLinks() {
        return CurrentUsers.current()
                .map(user -> headerLinks.stream()
                        .flatMap(link -> link.link(user).stream())
                        .toList())
                .orElse(List.of());
    }

    private static @Nullable SignedInPerson signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof SignedInPerson person
                && authentication.getAuthorities().stream().anyMatch(a -> SIGNED_IN.equals(a.getAuthority()))) {
            return person;
        }
        return null;
    }

    private static String pathOf(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String s ? s : request.getRequestURI();
        String context = request.getContextPath();
        return uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    private static String safeOtherLanguageUrl(String path, String query, Language language) {
        try {
            return Page.otherLanguageUrl(path, query, language);
        } catch (IllegalArgumentException malformed) {
            // A hostile query string must not break the page; the switch then leads to the bare path.
            return Page.otherLanguageUrl(path, null, language);
        }
    }
}
