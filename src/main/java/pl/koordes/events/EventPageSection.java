package pl.koordes.events;

import gg.jte.Content;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * Extension point of an event's page: other modules (postulates, which list the postulates on a national
 * meeting's agenda) show themselves through a bean of this type, and events never depend on them. Sections
 * appear in ascending {@link #order()} below the event's own parts. A named interface, so that the modules
 * that implement it can say that this is what they depend on.
 */
@NamedInterface("event-page-section")
public interface EventPageSection {

    /** Position below the event; lower comes first. */
    int order();

    /**
     * The section's HTML for this event, or empty when it has nothing to show. The request gives the language.
     * Only called for an event the visitor may see. The event page is a public page, cached a few seconds for
     * anonymous visitors: a section shows nothing about the visitor.
     */
    Optional<Content> render(EventReference event, HttpServletRequest request);
}
