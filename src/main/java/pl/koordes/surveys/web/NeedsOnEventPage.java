package pl.koordes.surveys.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import pl.koordes.directory.Directory;
import pl.koordes.events.EventPageSection;
import pl.koordes.events.EventReference;
import pl.koordes.shared.web.PageFactory;
import pl.koordes.surveys.NeedLinkKind;
import pl.koordes.surveys.NeedReference;
import pl.koordes.surveys.internal.NeedStore;

/**
 * "Odpowiada na potrzeby zgłoszone w ankietach" on an event's page: the topic and region of each need the
 * event answers, linked to the need's page. The event page is public and cached for anonymous visitors, so
 * the section is the same for everybody: topics and regions only (the need's page itself is for staff).
 */
@Component
class NeedsOnEventPage implements EventPageSection {

    private final NeedStore store;
    private final Directory directory;
    private final PageFactory pages;
    private final TemplateEngine templates;

    NeedsOnEventPage(NeedStore store, Directory directory, PageFactory pages, TemplateEngine templates) {
        this.store = store;
        this.directory = directory;
        this.pages = pages;
        this.templates = templates;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public Optional<Content> render(EventReference event, HttpServletRequest request) {
        List<NeedReference> needs = store.answeredBy(NeedLinkKind.EVENT, event.id());
        if (needs.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("page", pages.of(request));
        model.put("needs", needs);
        model.put("regionNames", directory.regionsById());
        return Optional.of(output -> templates.render("surveys/needs/eventSection.jte", model, output));
    }
}
