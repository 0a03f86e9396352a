package pl.koordes.events.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.events.EventPageSection;
import pl.koordes.events.EventReference;
import pl.koordes.events.internal.Event;
import pl.koordes.events.internal.EventCatalogue;
import pl.koordes.events.internal.EventFilter;
import pl.koordes.events.internal.EventPermissions;
import pl.koordes.events.internal.EventRegistrations;
import pl.koordes.events.internal.IcsCalendar;
import pl.koordes.events.internal.MaterialFiles;
import pl.koordes.events.internal.Participant;
import pl.koordes.events.internal.RegistrationStatus;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Paged;
import pl.koordes.shared.web.PublicPage;
import pl.koordes.shared.web.PublicReads;

/** The public side of events: upcoming and past lists, the month calendar, an event's page and calendar files. */
@Controller
class EventsController {

    private final EventCatalogue catalogue;
    private final EventPermissions permissions;
    private final EventRegistrations registrations;
    private final Directory directory;
    private final IcsCalendar ics;
    private final MaterialFiles files;
    private final List<EventPageSection> sections;

    /**
     * The lists' pages for signed-in people, the same for everyone (a list shows only public events): kept as the
     * page cache keeps them for visitors ({@link PublicReads}), which saves each page view its two statements.
     */
    private final PublicReads.Kept<ListKey, Paged<Event>> keptLists;

    private record ListKey(EventFilter filter, boolean past, int page) {}

    EventsController(
            EventCatalogue catalogue,
            EventPermissions permissions,
            EventRegistrations registrations,
            Directory directory,
            IcsCalendar ics,
            MaterialFiles files,
            List<EventPageSection> sections,
            PublicReads publicReads) {
        this.keptLists = publicReads.kept(1_000);
        this.files = files;
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(EventPageSection::order))
                .toList();
        this.catalogue = catalogue;
        this.permissions = permissions;
        this.registrations = registrations;
        this.directory = directory;
        this.ics = ics;
    }

    @PublicPage
    @GetMapping("/wydarzenia")
    String upcoming(@RequestParam Map<String, String> query, Optional<CurrentUser> user, Model model) {
        model.addAttribute("canOrganise", permissions.canOrganise(user.orElse(null)));
        return list(query, false, user.isPresent(), model);
    }

    @PublicPage
    @GetMapping("/wydarzenia/archiwum")
    String past(@RequestParam Map<String, String> query, Optional<CurrentUser> user, Model model) {
        model.addAttribute("canOrganise", permissions.canOrganise(user.orElse(null)));
        return list(query, true, user.isPresent(), model);
    }

    private String list(Map<String, String> query, boolean past, boolean signedIn, Model model) {
        ListFilters filters = ListFilters.of(query, directory.regions());
        // Visitors' pages are kept whole by the page cache, which must render from a fresh read.
        Paged<Event> list = signedIn
                ? keptLists.get(
                        new ListKey(filters.filter(), past, filters.page()),
                        () -> catalogue.search(filters.filter(), past, filters.page()))
                : catalogue.search(filters.filter(), past, filters.page());
        model.addAttribute("past", past);
        model.addAttribute("list", list);
        model.addAttribute("filters", filters);
        model.addAttribute("regions", directory.regions());
        model.addAttribute("regionNames", directory.regionsById());
        return "events/list";
    }

    @PublicPage
    @GetMapping("/wydarzenia/kalendarz")
    String calendar(@RequestParam Map<String, String> query, Model model) {
        ListFilters filters = ListFilters.of(query, directory.regions());
        YearMonth month =
                filters.filter().month() != null ? filters.filter().month() : YearMonth.from(catalogue.today());
        EventFilter withoutMonth = new EventFilter(
                filters.filter().type(),
                filters.filter().level(),
                filters.filter().regionId(),
                filters.filter().format(),
                null);
        model.addAttribute("month", MonthGrid.of(month, catalogue.month(month, withoutMonth), catalogue.today()));
        model.addAttribute("filters", filters);
        model.addAttribute("regions", directory.regions());
        return "events/calendar";
    }

    @PublicPage
    @GetMapping("/wydarzenia/{id}")
    String event(
            @PathVariable long id,
            Optional<CurrentUser> user,
            @RequestParam(required = false) @Nullable String zapis,
            @RequestParam(required = false) @Nullable String opinia,
            HttpServletRequest request,
            Model model) {
        Event event = catalogue
                .find(id)
                .filter(e -> permissions.canView(user.orElse(null), e))
                .orElseThrow(() -> new NotFound("event", id));
        Optional<Participant> own = user.flatMap(u -> registrations.own(u, id));
        model.addAttribute("event", event);
        model.addAttribute("seats", catalogue.seats(event));
        model.addAttribute("own", own.orElse(null));
        model.addAttribute(
                "participant",
                own.map(r -> r.status() == RegistrationStatus.CONFIRMED).orElse(false));
        model.addAttribute("open", event.registrationOpen(catalogue.now()));
        model.addAttribute("past", event.past(catalogue.now()));
        model.addAttribute("canManage", permissions.canManage(user.orElse(null), event));
        model.addAttribute("regionNames", directory.regionsById());
        model.addAttribute("regions", directory.regions());
        model.addAttribute("files", files.of(id));
        EventReference reference = event.reference();
        model.addAttribute(
                "sections",
                sections.stream()
                        .map(section -> section.render(reference, request))
                        .flatMap(Optional::stream)
                        .toList());
        String notice = null;
        if (zapis != null && List.of("potwierdzony", "lista", "odwolany").contains(zapis)) {
            notice = "events.notice." + zapis;
        } else if (opinia != null) {
            notice = "events.notice.opinia";
        }
        model.addAttribute("notice", notice);
        return "events/event";
    }

    @GetMapping(value = "/wydarzenia/{id}/wydarzenie.ics")
    ResponseEntity<String> eventIcs(@PathVariable long id) {
        Event event = catalogue.find(id).filter(e -> e.status().visible()).orElseThrow(() -> new NotFound("event", id));
        return calendarFile(ics.calendar(List.of(event), event.title()), "wydarzenie-" + id + ".ics");
    }

    /** The subscription feed of public events: all, or those serving one region ({@code ?region=malopolskie}). */
    @GetMapping(value = "/wydarzenia/kalendarz.ics")
    ResponseEntity<String> feed(@RequestParam(required = false) @Nullable String region, HttpServletResponse response) {
        Long regionId = null;
        String name = "KoordES";
        if (region != null && !region.isBlank()) {
            Region found = directory.region(region).orElseThrow(() -> new NotFound("region", region));
            regionId = found.id();
            name = "KoordES — " + found.namePl();
        }
        return calendarFile(ics.calendar(catalogue.feed(regionId), name), "koordes.ics");
    }

    private static ResponseEntity<String> calendarFile(String body, String filename) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"")
                .body(body);
    }
}
