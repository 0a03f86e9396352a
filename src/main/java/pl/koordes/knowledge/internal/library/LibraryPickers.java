package pl.koordes.knowledge.internal.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import pl.koordes.advisory.AdvisoryCaseReferences;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.events.EventReference;
import pl.koordes.events.PublicEvents;
import pl.koordes.postulates.PostulateReference;
import pl.koordes.postulates.PublicPostulates;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.search.SearchAudience;
import pl.koordes.shared.security.CurrentUser;

/**
 * The choices of the library form's origins and related documents, so that nobody types a number: the latest
 * {@value #LIMIT} public events and postulates, the advisory cases the person may open, and the documents they may
 * open — plus whatever the form already holds, so that editing an old document keeps its links. Each list is one
 * statement through its module's API; nothing is offered that the person's own page views would not show them.
 */
@Component
public class LibraryPickers {

    /** How many of each the form offers; an older origin is kept when the document already names it. */
    static final int LIMIT = 200;

    /**
     * The form's choices, each a value and a label ({@code shared/field.jte}'s options).
     *
     * @param documents the documents that may be related (never the one being edited)
     */
    public record Choices(
            List<String[]> events, List<String[]> cases, List<String[]> postulates, List<String[]> documents) {}

    private final PublicEvents events;
    private final PublicPostulates postulates;
    private final AdvisoryCaseReferences cases;
    private final LibraryStore store;
    private final Directory directory;

    LibraryPickers(
            PublicEvents events,
            PublicPostulates postulates,
            AdvisoryCaseReferences cases,
            LibraryStore store,
            Directory directory) {
        this.events = events;
        this.postulates = postulates;
        this.cases = cases;
        this.store = store;
        this.directory = directory;
    }

    public Choices of(CurrentUser user, LibraryDocumentForm form, @Nullable Long editedId, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        List<String[]> eventChoices = new ArrayList<>();
        List<EventReference> latest = new ArrayList<>(events.latest(LIMIT));
        Long event = form.eventId();
        if (event != null && latest.stream().noneMatch(e -> e.id() == event)) {
            latest.addAll(events.findByIds(List.of(event)).values());
        }
        for (EventReference e : latest) {
            eventChoices.add(option(e.id(), Formats.date(e.startsAt()) + " · " + e.title(english)));
        }
        Map<Long, Region> regions = directory.regionsById();
        Long chosenCase = form.advisoryCaseId();
        List<String[]> caseChoices =
                cases.openableBy(user, LIMIT, chosenCase == null ? Set.of() : Set.of(chosenCase)).stream()
                        .map(c -> option(
                                c.id(),
                                "#" + c.id() + " · " + c.title()
                                        + (regions.containsKey(c.regionId())
                                                ? " · "
                                                        + regions.get(c.regionId())
                                                                .name(locale)
                                                : "")))
                        .toList();
        List<PostulateReference> recent = new ArrayList<>(postulates.latest(LIMIT));
        Long postulate = form.postulateId();
        if (postulate != null && recent.stream().noneMatch(p -> p.id() == postulate)) {
            recent.addAll(postulates.findByIds(List.of(postulate)).values());
        }
        List<String[]> postulateChoices = recent.stream()
                .map(p -> option(p.id(), "#" + p.id() + " · " + p.title()))
                .toList();
        List<String[]> documentChoices = store.choices(SearchAudience.of(user), LIMIT, form.relatedIds()).stream()
                .filter(d -> editedId == null || d.id() != editedId)
                .map(d -> option(d.id(), "#" + d.id() + " · " + d.title() + " (" + d.year() + ")"))
                .collect(Collectors.toList());
        return new Choices(eventChoices, caseChoices, postulateChoices, documentChoices);
    }

    private static String[] option(long id, String label) {
        return new String[] {Long.toString(id), label};
    }
}
