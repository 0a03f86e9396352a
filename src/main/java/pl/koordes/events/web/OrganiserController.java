package pl.koordes.events.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.directory.Directory;
import pl.koordes.directory.InstitutionKind;
import pl.koordes.directory.Region;
import pl.koordes.events.Attendance;
import pl.koordes.events.Event;
import pl.koordes.events.EventCatalogue;
import pl.koordes.events.EventForm;
import pl.koordes.events.EventLevel;
import pl.koordes.events.EventManagement;
import pl.koordes.events.EventPermissions;
import pl.koordes.events.EventStatus;
import pl.koordes.events.Participant;
import pl.koordes.events.ParticipantManagement;
import pl.koordes.events.RegistrationForm;
import pl.koordes.events.SeatMode;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.Page;
import pl.koordes.shared.web.PageFactory;

/**
 * The organisers' pages: their events, the event form, and each event's registrations (add, move,
 * remove, check-in). Every request is checked against {@link EventPermissions}: a regional coordinator
 * reaches only their own region's regional events, whatever id the address or the form carries.
 */
@Controller
class OrganiserController {

    static final String BASE = "/organizacja/wydarzenia";

    private final EventCatalogue catalogue;
    private final EventManagement management;
    private final ParticipantManagement registrations;
    private final EventPermissions permissions;
    private final Directory directory;
    private final PageFactory pages;

    OrganiserController(EventCatalogue catalogue, EventManagement management, ParticipantManagement registrations,
            EventPermissions permissions, Directory directory, PageFactory pages) {
        this.pages = pages;
        this.catalogue = catalogue;
        this.management = management;
        this.registrations = registrations;
        this.permissions = permissions;
        this.directory = directory;
    }

    @GetMapping(BASE)
    String events(CurrentUser user, Model model) {
        requireOrganiser(user);
        model.addAttribute("events", catalogue.manageable(user, permissions.manageEverything(user)));
        model.addAttribute("regionNames", regionNames());
        return "events/manage/events";
    }

    @GetMapping(BASE + "/nowe")
    String newForm(CurrentUser user, Model model) {
        requireOrganiser(user);
        EventForm form = EventForm.empty();
        if (!permissions.manageEverything(user)) {
            form = withRegion(form, user.regionsOf(Role.REGIONAL_COORDINATOR).stream().findFirst().map(String::valueOf).orElse(""));
        }
        return showForm(model, user, null, form, FormErrors.none());
    }

    @PostMapping(BASE + "/nowe")
    String create(CurrentUser user, @ModelAttribute EventForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        requireOrganiser(user);
        EventManagement.Outcome outcome = management.create(user, form);
        if (!outcome.succeeded()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return showForm(model, user, null, form, FormErrors.of(outcome.errors()));
        }
        redirect.addFlashAttribute("notice", "events.manage.created");
        return "redirect:" + BASE + "/" + outcome.id();
    }

    @GetMapping(BASE + "/{id}")
    String editForm(CurrentUser user, @PathVariable long id, Model model) {
        Event event = managed(user, id);
        return showForm(model, user, event, EventManagement.formOf(event), FormErrors.none());
    }

    @PostMapping(BASE + "/{id}")
    String update(CurrentUser user, @PathVariable long id, @ModelAttribute EventForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Event event = managed(user, id);
        EventManagement.Outcome outcome = management.update(user, id, form);
        if (!outcome.succeeded()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return showForm(model, user, event, form, FormErrors.of(outcome.errors()));
        }
        redirect.addFlashAttribute("notice", "events.manage.saved");
        return "redirect:" + BASE + "/" + id;
    }

    @PostMapping(BASE + "/{id}/status")
    String status(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String status,
            RedirectAttributes redirect) {
        managed(user, id);
        EventStatus target = Arrays.stream(EventStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(HttpStatus.BAD_REQUEST));
        management.changeStatus(user, id, target);
        redirect.addFlashAttribute("notice", "events.manage.status." + target.name());
        return "redirect:" + BASE + "/" + id;
    }

    @GetMapping(BASE + "/{id}/uczestnicy")
    String participants(CurrentUser user, @PathVariable long id, Model model) {
        Event event = managed(user, id);
        return showParticipants(model, event, registrations.list(user, id), RegistrationForm.empty(), FormErrors.none());
    }

    @PostMapping(BASE + "/{id}/uczestnicy")
    String add(CurrentUser user, @PathVariable long id, @ModelAttribute RegistrationForm form, Locale locale,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Event event = managed(user, id);
        try {
            registrations.add(user, id, form, locale);
        } catch (Refused refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return showParticipants(model, event, registrations.list(user, id), form, FormErrors.of(refused));
        }
        redirect.addFlashAttribute("notice", "events.manage.added");
        return "redirect:" + BASE + "/" + id + "/uczestnicy";
    }

    @PostMapping(BASE + "/{id}/uczestnicy/{registration}/usun")
    String remove(CurrentUser user, @PathVariable long id, @PathVariable long registration, RedirectAttributes redirect) {
        managed(user, id);
        registrations.remove(user, id, registration);
        redirect.addFlashAttribute("notice", "events.manage.removed");
        return "redirect:" + BASE + "/" + id + "/uczestnicy";
    }

    @PostMapping(BASE + "/{id}/uczestnicy/{registration}/przenies")
    String move(CurrentUser user, @PathVariable long id, @PathVariable long registration,
            @RequestParam(defaultValue = "") String mode, RedirectAttributes redirect) {
        managed(user, id);
        SeatMode target = Arrays.stream(SeatMode.values()).filter(m -> m.name().equals(mode)).findFirst()
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(HttpStatus.BAD_REQUEST));
        boolean moved = registrations.move(user, id, registration, target);
        redirect.addFlashAttribute("notice", moved ? "events.manage.moved" : "events.manage.notMoved");
        return "redirect:" + BASE + "/" + id + "/uczestnicy";
    }

    @PostMapping(BASE + "/{id}/uczestnicy/{registration}/obecnosc")
    String attendance(CurrentUser user, @PathVariable long id, @PathVariable long registration,
            @RequestParam(defaultValue = "") String attendance) {
        managed(user, id);
        Attendance value = Arrays.stream(Attendance.values()).filter(a -> a.name().equals(attendance)).findFirst()
                .orElse(null);
        registrations.markAttendance(user, id, registration, value);
        return "redirect:" + BASE + "/" + id + "/uczestnicy#r" + registration;
    }

    @GetMapping(BASE + "/{id}/uczestnicy.csv")
    void csv(CurrentUser user, @PathVariable long id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Event event = managed(user, id);
        List<Participant> list = registrations.list(user, id);
        Page page = pages.create(request);
        download(response, "text/csv;charset=UTF-8", "uczestnicy-" + event.id() + ".csv");
        ParticipantCsv.write(response.getOutputStream(), page, list, regionNames());
    }

    @GetMapping(BASE + "/{id}/uczestnicy.xlsx")
    void xlsx(CurrentUser user, @PathVariable long id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Event event = managed(user, id);
        List<Participant> list = registrations.list(user, id);
        Page page = pages.create(request);
        download(response, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "uczestnicy-" + event.id() + ".xlsx");
        ParticipantXlsx.write(response.getOutputStream(), page, page.t("events.manage.participants"), list, regionNames());
    }

    /** The printable sign-in sheet of the confirmed participants, in the order they registered. */
    @GetMapping(BASE + "/{id}/lista-obecnosci.pdf")
    void signInSheet(CurrentUser user, @PathVariable long id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Event event = managed(user, id);
        List<Participant> confirmed = registrations.list(user, id).stream()
                .filter(r -> r.status() == pl.koordes.events.RegistrationStatus.CONFIRMED).toList();
        Page page = pages.create(request);
        download(response, "application/pdf", "lista-obecnosci-" + event.id() + ".pdf");
        SignInSheetPdf.write(response.getOutputStream(), page, event, confirmed, regionNames());
    }

    /** Headers of a file for organisers: downloaded, never cached (it holds personal data). */
    static void download(HttpServletResponse response, String type, String name) {
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private String showParticipants(Model model, Event event, List<Participant> list, RegistrationForm form,
            FormErrors errors) {
        model.addAttribute("event", event);
        model.addAttribute("registrations", list);
        model.addAttribute("seats", catalogue.seats(event));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("regions", directory.regions());
        model.addAttribute("regionNames", regionNames());
        model.addAttribute("kinds", InstitutionKind.values());
        model.addAttribute("stats", AttendanceStats.of(list, regionNames()));
        return "events/manage/participants";
    }

    private String showForm(Model model, CurrentUser user, Event event, EventForm form, FormErrors errors) {
        boolean everything = permissions.manageEverything(user);
        List<Region> regions = directory.regions().stream()
                .filter(r -> everything || user.has(Role.REGIONAL_COORDINATOR, r.id())).toList();
        model.addAttribute("event", event);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("levels", everything ? List.of(EventLevel.values()) : List.of(EventLevel.REGIONAL));
        model.addAttribute("regionChoices", regions);
        model.addAttribute("macroregions", everything ? directory.macroregions() : List.of());
        model.addAttribute("roles", Role.values());
        return "events/manage/form";
    }

    private void requireOrganiser(CurrentUser user) {
        if (!permissions.canOrganise(user)) {
            throw new AccessDeniedException("Not an organiser");
        }
    }

    /** The event if this person manages it: 404 for an unknown id, 403 for someone else's (AccessDeniedException). */
    private Event managed(CurrentUser user, long id) {
        requireOrganiser(user);
        Event event = catalogue.find(id).orElseThrow(() -> new NotFound("event", id));
        if (!permissions.canManage(user, event)) {
            throw new AccessDeniedException("Not this organiser's event");
        }
        return event;
    }

    private Map<Long, Region> regionNames() {
        return directory.regions().stream().collect(Collectors.toMap(Region::id, Function.identity()));
    }

    private static EventForm withRegion(EventForm f, String region) {
        return new EventForm(f.type(), f.level(), region, f.macroregionId(), f.format(), f.title(), f.description(),
                f.venue(), f.address(), f.onlineLink(), f.startDate(), f.startTime(), f.endDate(), f.endTime(),
                f.seatsOnSite(), f.seatsOnline(), f.regionQuota(), f.opensDate(), f.closesDate(), f.audience(),
                f.audienceRoles(), f.agenda(), f.speakers(), f.materials());
    }
}
