package pl.koordes.shared.web;

import java.util.Optional;
import pl.koordes.shared.security.CurrentUser;

/**
 * A link a module adds to the page header for a signed-in person who may use what it leads to (the
 * administration panel, a coordinator's workspace). The module decides through its permissions bean,
 * so the header never offers a page that would answer 403.
 */
public interface HeaderLink {

    /** The link for this person, or empty when they may not use what it leads to. */
    Optional<Page.NavigationItem> link(CurrentUser user);

    /** Position in the header, smaller first. */
    default int order() {
        return 0;
    }
}
