package pl.koordes.advisory.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import pl.koordes.advisory.internal.SessionStore;
import pl.koordes.directory.Directory;
import pl.koordes.events.EventPageSection;
import pl.koordes.events.EventReference;
import pl.koordes.shared.web.PageFactory;

/**
 * "Sesja doradcza" on the page of an event a group advisory session was held as: that it is one, its topic and
 * its region. The event page is public and cached, so nothing else of the case (no title, no link to it, no
 * names) and nothing about the visitor.
 */
@Component
class SessionsOnEventPage implements EventPageSection {

    private final SessionStore store;
    private final Directory directory;
    private final PageFactory pages;
    private final TemplateEngine templates;

    SessionsOnEventPage(SessionStore store, Directory directory, PageFactory pages, TemplateEngine templates) {
        this.store = store;
        this.directory = directory;
        this.pages = pages;
        this.templates = templates;
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public Optional<Content> render(EventReference event, HttpServletRequest request) {
        List<SessionStore.EventLink> links = store.linkedToEvent(event.id());
        if (links.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("page", pages.of(request));
        model.put("links", links);
        model.put("regionNames", directory.regionsById());
        return Optional.of(output -> templates.render("advisory/sessions/eventSection.jte", model, output));
    }
}
