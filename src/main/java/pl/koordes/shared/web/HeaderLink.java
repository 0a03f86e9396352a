package pl.koordes.shared.web;

import java.util.Optional;
import java.util.function.Predicate;
import pl.koordes.shared.security.CurrentUser;

/**
 * A link a module adds to the page header for a signed-in person who may use what it leads to (the
 * administration panel, a coordinator's workspace). The module decides through its permissions bean,
 * so the header never offers a page that would answer 403.
 *
 * <p>A module declares its link in one line with {@link #to}, as a bean beside the controller of the page
 * it leads to: {@code @Bean static HeaderLink editorLink(ContentPermissions p) { return HeaderLink.to("/redakcja",
 * "content.editor.link", 40, p::canEditArticles); }}
 */
public interface HeaderLink {

    /** The link for this person, or empty when they may not use what it leads to. */
    Optional<Page.NavigationItem> link(CurrentUser user);

    /** Position in the header, smaller first. */
    default int order() {
        return 0;
    }

    /**
     * A link to {@code href} labelled by the message {@code labelKey}, shown to whoever {@code allowed} accepts.
     *
     * @param allowed the module's permission check, e.g. {@code permissions::canEditArticles}; it must depend on the
     *     person alone (their roles), since its answer is kept per signed-in person ({@link PageFactory}). A link that
     *     depends on anything else implements {@link #link} itself and is asked on every page.
     */
    static HeaderLink to(String href, String labelKey, int order, Predicate<CurrentUser> allowed) {
        return new Permitted(new Page.NavigationItem(href, labelKey), order, allowed);
    }

    /** The header link made by {@link #to}. */
    record Permitted(Page.NavigationItem item, int order, Predicate<CurrentUser> allowed) implements HeaderLink {

        @Override
        public Optional<Page.NavigationItem> link(CurrentUser user) {
            return allowed.test(user) ? Optional.of(item) : Optional.empty();
        }
    }
}
