package pl.koordes.knowledge.internal.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import pl.koordes.advisory.AdvisoryCaseReferences;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.events.EventReference;
import pl.koordes.events.PublicEvents;
import pl.koordes.monitoring.CurrentProgrammes;
import pl.koordes.postulates.PostulateReference;
import pl.koordes.postulates.PublicPostulates;
import pl.koordes.shared.security.CurrentUser;

/**
 * Where a document came from, resolved through the other modules' APIs into links the page shows: the event and
 * the postulate by their public titles, the programme by its name, and the advisory case only by its number and
 * region (a case's content is for those its own page lets in). What no longer exists, or is not public, is left
 * out.
 */
@Component
public class LibraryOrigins {

    /**
     * One origin as the page shows it.
     *
     * @param labelKey what it is
     * @param title its title, or its number for a case
     */
    public record Origin(String labelKey, String title, String href) {}

    private final PublicEvents events;
    private final PublicPostulates postulates;
    private final AdvisoryCaseReferences cases;
    private final CurrentProgrammes programmes;
    private final Directory directory;

    LibraryOrigins(
            PublicEvents events,
            PublicPostulates postulates,
            AdvisoryCaseReferences cases,
            CurrentProgrammes programmes,
            Directory directory) {
        this.events = events;
        this.postulates = postulates;
        this.cases = cases;
        this.programmes = programmes;
        this.directory = directory;
    }

    /** The document's origins that still exist, in the order event, case, postulate, programme. */
    public List<Origin> of(LibraryDocument document, boolean english) {
        List<Origin> origins = new ArrayList<>();
        if (document.eventId() != null) {
            event(document.eventId())
                    .ifPresent(
                            e -> origins.add(new Origin("knowledge.library.from.event", e.title(english), e.path())));
        }
        if (document.advisoryCaseId() != null) {
            cases.find(document.advisoryCaseId())
                    .ifPresent(c -> origins.add(new Origin("knowledge.library.from.case", "#" + c.id(), c.path())));
        }
        if (document.postulateId() != null) {
            postulate(document.postulateId())
                    .ifPresent(p -> origins.add(new Origin("knowledge.library.from.postulate", p.title(), p.path())));
        }
        if (document.programmeRegionId() != null) {
            Optional<Region> region = directory.region(document.programmeRegionId());
            Optional<String> name = programmes.name(document.programmeRegionId());
            if (region.isPresent() && name.isPresent()) {
                origins.add(new Origin(
                        "knowledge.library.from.programme",
                        name.get(),
                        CurrentProgrammes.path(region.get().slug())));
            }
        }
        return origins;
    }

    public Optional<EventReference> event(long id) {
        return events.find(id);
    }

    public Optional<PostulateReference> postulate(long id) {
        return Optional.ofNullable(postulates.findByIds(List.of(id)).get(id));
    }

    /** Whether the case exists and the person may open it (a coordinator: their region's cases). */
    public boolean caseOpenable(CurrentUser user, long id) {
        return cases.openable(user, id);
    }

    public boolean programmeExists(long regionId) {
        return programmes.name(regionId).isPresent();
    }
}
