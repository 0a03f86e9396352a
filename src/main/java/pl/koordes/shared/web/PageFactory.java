package pl.koordes.shared.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.CurrentUsers;
import pl.koordes.shared.security.SessionBoundCsrfTokenRepository;

/**
 * Builds the {@link Page} of a request: one per request ({@link #of}) for the view that renders a template, a
 * handler's {@code Page} argument and the sections a page includes; a fresh one for the error page.
 */
@Component
public class PageFactory {

    /** The name under which page templates find their {@link Page}. */
    public static final String MODEL_NAME = "page";

    private static final String ATTRIBUTE = Page.class.getName();

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

    /**
     * The fingerprinted addresses of static files: fixed while the application runs (the files are in the jar), so
     * each is resolved once instead of through the resource chain on every page.
     */
    private final Map<String, String> assetUrls = new ConcurrentHashMap<>();

    /**
     * The {@link HeaderLink#to} links of a signed-in person, judged once per principal: such a link depends on the
     * person alone (their roles, as the permission beans read them), and the kept security context hands out the same
     * {@link CurrentUser} on every request of a session until it changes (a new sign-in, a role change: a new object).
     * Held by identity and weakly, so a session that ends lets its entry go. Other links (the notices' count) are
     * asked on every page.
     */
    private final Cache<CurrentUser, List<Optional<Page.NavigationItem>>> permittedLinks =
            Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

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

    /**
     * The request's {@link Page}: made once per request and kept with it, so that a handler that asks for it (a
     * {@code Page} argument), the view that renders the template and an error page share one.
     */
    public Page of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof Page kept) {
            return kept;
        }
        Page page = create(request);
        request.setAttribute(ATTRIBUTE, page);
        return page;
    }

    /** A new page for this request (only the error page needs one of its own: everything else asks {@link #of}). */
    Page create(HttpServletRequest request) {
        Language language = LanguageResolver.resolve(request);
        String path = pathOf(request);
        String query =
                request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) != null ? null : request.getQueryString();
        // Only a signed-in person's page carries a token: a public page is the same for every visitor.
        CsrfToken csrf = SessionBoundCsrfTokenRepository.signedIn(request)
                ? (CsrfToken) request.getAttribute(CsrfToken.class.getName())
                : null;
        if (csrf != null) {
            // The token is saved in the session when first read, which must happen before the response starts
            // streaming: a form at the end of a long page would otherwise carry a token that nothing matches.
            csrf.getToken();
        }
        // The rest is worked out only if the page is rendered (not for a redirect), on this request's thread.
        return new Page(
                language,
                messages,
                this::asset,
                path,
                () -> safeOtherLanguageUrl(path, query, language),
                () -> mainNavigation(language),
                site.demo(),
                PageFactory::signedIn,
                csrf,
                this::personalLinks,
                () -> footerNavigation(language));
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

    private String asset(String path) {
        String known = assetUrls.get(path);
        if (known != null) {
            return known;
        }
        String url = assets.getForLookupPath(path);
        String resolved = url != null ? url : path;
        assetUrls.put(path, resolved);
        return resolved;
    }

    /** The header's links for the person signed in, each shown when that module's permissions allow it. */
    private List<Page.NavigationItem> personalLinks() {
        Optional<CurrentUser> current = CurrentUsers.current();
        if (current.isEmpty()) {
            return List.of();
        }
        CurrentUser user = current.get();
        List<Optional<Page.NavigationItem>> permitted = permittedLinks.get(user, this::permitted);
        List<Page.NavigationItem> links = new ArrayList<>(headerLinks.size());
        for (int i = 0; i < headerLinks.size(); i++) {
            HeaderLink link = headerLinks.get(i);
            Optional<Page.NavigationItem> item =
                    link instanceof HeaderLink.Permitted ? permitted.get(i) : link.link(user);
            item.ifPresent(links::add);
        }
        return links;
    }

    /** The answers of the {@link HeaderLink.Permitted} links for this person, by position (others: empty). */
    private List<Optional<Page.NavigationItem>> permitted(CurrentUser user) {
        return headerLinks.stream()
                .map(link ->
                        link instanceof HeaderLink.Permitted ? link.link(user) : Optional.<Page.NavigationItem>empty())
                .toList();
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
