package pl.koordes.opendata.web;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.web.NavigationLinks;
import pl.koordes.shared.web.Page;

/** The open-data documentation in the footer of every page (answered from memory). */
@Component
@Order(50)
class OpenDataNavigation implements NavigationLinks {

    private static final List<Page.NavigationItem> FOOTER = List.of(new Page.NavigationItem("/dane", "opendata.nav"));

    @Override
    public List<Page.NavigationItem> main(Language language) {
        return List.of();
    }

    @Override
    public List<Page.NavigationItem> footer(Language language) {
        return FOOTER;
    }
}
