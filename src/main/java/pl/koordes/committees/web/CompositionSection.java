package pl.koordes.committees.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import pl.koordes.committees.internal.CommitteeSpace;
import pl.koordes.committees.internal.CompositionManagement;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.PageFactory;

/**
 * "Skład i kadencje" in the committee's space: how many of the kinds of bodies the Act names are represented,
 * which are missing (by name), how many members sit today, and the link to the composition page. One statement.
 */
@Component
class CompositionSection implements SpaceSection {

    private final CompositionManagement composition;
    private final PageFactory pages;
    private final TemplateEngine templates;

    CompositionSection(CompositionManagement composition, PageFactory pages, TemplateEngine templates) {
        this.composition = composition;
        this.pages = pages;
        this.templates = templates;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Optional<Content> render(CommitteeSpace space, CurrentUser user, HttpServletRequest request) {
        Map<String, Object> model = new HashMap<>();
        model.put("page", pages.of(request));
        model.put("space", space);
        model.put("composition", composition.composition(space));
        model.put("today", composition.today());
        return Optional.of(output -> templates.render("committees/composition/section.jte", model, output));
    }
}
