package pl.koordes.knowledge.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import pl.koordes.events.EventPageSection;
import pl.koordes.events.EventReference;
import pl.koordes.knowledge.internal.library.LibraryStore;
import pl.koordes.shared.web.PageFactory;

/**
 * "W bibliotece" on an event's page: the public library documents that came from the event. The event page is
 * public and cached for anonymous visitors, so the section is the same for everybody: public documents only.
 */
@Component
class LibraryOnEventPage implements EventPageSection {

    private final LibraryStore store;
    private final PageFactory pages;
    private final TemplateEngine templates;

    LibraryOnEventPage(LibraryStore store, PageFactory pages, TemplateEngine templates) {
        this.store = store;
        this.pages = pages;
        this.templates = templates;
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public Optional<Content> render(EventReference event, HttpServletRequest request) {
        List<LibraryStore.Listed> documents = store.publicOfEvent(event.id());
        if (documents.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("page", pages.of(request));
        model.put("documents", documents);
        return Optional.of(output -> templates.render("knowledge/library/eventSection.jte", model, output));
    }
}
