package pl.koordes.postulates.web;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.web.NavigationLinks;
import pl.koordes.shared.web.Page;

/** The public list of postulates in the main navigation, after monitoring (answered from memory). */
@Component
@Order(10)
class PostulatesNavigation implements NavigationLinks {

    private static final List<Page.NavigationItem> MAIN =
            List.of(new Page.NavigationItem("/postulaty", "postulates.nav"));

    @Override
    public List<Page.NavigationItem> main(Language language) {
        return MAIN;
    }

    @Override
    public List<Page.NavigationItem> footer(Language language) {
        return List.of();
    }
}
