package pl.koordes.shared.web;

import java.util.List;
import pl.koordes.shared.i18n.Language;

/**
 * Links a module adds to every page: to the main navigation (after the fixed module links) or to the
 * footer, such as the portal's pages an editor placed there. Called for every page, so an
 * implementation answers from memory and never runs a query per request.
 */
public interface NavigationLinks {

    /** Links for the main navigation in this language, in order. */
    List<Page.NavigationItem> main(Language language);

    /** Links for the footer in this language, in order. */
    List<Page.NavigationItem> footer(Language language);
}
