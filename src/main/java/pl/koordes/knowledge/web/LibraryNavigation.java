package pl.koordes.knowledge.web;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.web.NavigationLinks;
import pl.koordes.shared.web.Page;

/** The library in the main navigation, after the fixed links (answered from memory). */
@Component
@Order(10)
class LibraryNavigation implements NavigationLinks {

    private static final List<Page.NavigationItem> MAIN =
            List.of(new Page.NavigationItem("/biblioteka", "knowledge.library.nav"));

    @Override
    public List<Page.NavigationItem> main(Language language) {
        return MAIN;
    }

    @Override
    public List<Page.NavigationItem> footer(Language language) {
        return List.of();
    }
}
