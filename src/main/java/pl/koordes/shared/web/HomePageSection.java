package pl.koordes.shared.web;

import gg.jte.Content;
import java.util.Locale;
import java.util.Optional;

/**
 * Extension point of the home page: a module with something to show there (upcoming events, open
 * surveys) registers a bean of this type; the portal places the sections in ascending
 * {@link #order()} without knowing the modules.
 */
public interface HomePageSection {

    /** Position on the page; lower comes first. */
    int order();

    /** The section's HTML, or empty when it has nothing to show. */
    Optional<Content> render(Locale locale);
}
