package pl.koordes.events.web;

import gg.jte.TemplateEngine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.directory.Directory;
import pl.koordes.directory.InstitutionKind;
import pl.koordes.events.SeatMode;
import pl.koordes.events.internal.Attendance;
import pl.koordes.events.internal.Event;
import pl.koordes.events.internal.EventCatalogue;
import pl.koordes.events.internal.EventManagement;
import pl.koordes.events.internal.EventsProperties;
import pl.koordes.events.internal.Participant;
import pl.koordes.events.internal.ParticipantManagement;
import pl.koordes.events.internal.RegistrationForm;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.Downloads;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.Page;
import pl.koordes.shared.web.PageFactory;

/**
 * The organiser's work with an event's participants: the list with its statistics, adding, removing
 * (after a question of its own), moving between seats, attendance, and the downloads of the list
 * (CSV, XLSX and the sign-in sheet), each an audited export of personal data.
 */
@Controller
class OrganiserParticipantsController {

    private static final String BASE = OrganiserController.BASE;

    private final EventCatalogue catalogue;
    private final EventManagement management;
    private final ParticipantManagement registrations;
    private final ManagedEvents events;
    private final Directory directory;
    private final PageFactory pages;
    private final EventsProperties properties;
    private final ResourceLoader resources;
    private final TemplateEngine templates;

    OrganiserParticipantsController(
            EventCatalogue catalogue,
            EventManagement management,
            ParticipantManagement registrations,
            ManagedEvents events,
            Directory directory,
            PageFactory pages,
            EventsProperties properties,
            ResourceLoader resources,
            TemplateEngine templates) {
        this.catalogue = catalogue;
        this.management = management;
        this.registrations = registrations;
        this.events = events;
        this.directory = directory;
        this.pages = pages;
        this.properties = properties;
        this.resources = resources;
        this.templates = templates;
    }

    @GetMapping(BASE + "/{id}/uczestnicy")
    String participants(CurrentUser user, @PathVariable long id, Model model) {
        Event event = events.managed(user, id);
        return showParticipants(
                model, event, registrations.list(user, id), RegistrationForm.empty(), FormErrors.none());
    }

    @PostMapping(BASE + "/{id}/uczestnicy")
    String add(
            CurrentUser user,
            @PathVariable long id,
            @ModelAttribute RegistrationForm form,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Event event = events.managed(user, id);
        try {
            registrations.add(user, id, form, locale);
        } catch (Refused refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return showParticipants(model, event, registrations.list(user, id), form, FormErrors.of(refused));
        }
        redirect.addFlashAttribute("notice", "events.manage.added");
        return "redirect:" + BASE + "/" + id + "/uczestnicy";
    }

    /** Asks before removing a registration: the person will be told, their seat given to the waiting list. */
    @GetMapping(BASE + "/{id}/uczestnicy/{registration}/usun")
    String confirmRemove(CurrentUser user, @PathVariable long id, @PathVariable long registration, Model model) {
        Event event = events.managed(user, id);
        Participant person = registrations.registration(user, id, registration);
        String back = BASE + "/" + id + "/uczestnicy#r" + registration;
        Confirmation confirmation = Confirmation.of(
                        BASE + "/" + id + "/uczestnicy/" + registration + "/usun",
                        back,
                        "events.confirm.remove.title",
                        "events.confirm.remove.button")
                .subject(person.fullName() + " (" + person.email() + ") · " + event.title());
        if (!person.status().live()) {
            confirmation = confirmation.refused("events.confirm.remove.notLive");
        } else {
            confirmation = confirmation.consequence("events.confirm.remove.told", person.email());
            int waiting = management.affected(id).waiting();
            if (person.status().holdsSeat() && waiting > 0) {
                confirmation = confirmation.consequence("events.confirm.remove.seat");
            }
            if (person.feedbackRating() != null) {
                confirmation = confirmation.consequence("events.confirm.remove.feedback");
            }
        }
        model.addAttribute("confirmation", confirmation);
        return "shared/confirm";
    }

    @PostMapping(BASE + "/{id}/uczestnicy/{registration}/usun")
    String remove(
            CurrentUser user,
            @PathVariable long id,
            @PathVariable long registration,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        events.managed(user, id);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + BASE + "/" + id + "/uczestnicy/" + registration + "/usun";
        }
        registrations.remove(user, id, registration);
        redirect.addFlashAttribute("notice", "events.manage.removed");
        return "redirect:" + BASE + "/" + id + "/uczestnicy";
    }

    @PostMapping(BASE + "/{id}/uczestnicy/{registration}/przenies")
    String move(
            CurrentUser user,
            @PathVariable long id,
            @PathVariable long registration,
            @RequestParam(defaultValue = "") String mode,
            RedirectAttributes redirect) {
        events.managed(user, id);
        SeatMode target = Arrays.stream(SeatMode.values())
                .filter(m -> m.name().equals(mode))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
        boolean moved = registrations.move(user, id, registration, target);
        redirect.addFlashAttribute("notice", moved ? "events.manage.moved" : "events.manage.notMoved");
        return "redirect:" + BASE + "/" + id + "/uczestnicy";
    }

    @PostMapping(BASE + "/{id}/uczestnicy/{registration}/obecnosc")
    String attendance(
            CurrentUser user,
            @PathVariable long id,
            @PathVariable long registration,
            @RequestParam(defaultValue = "") String attendance) {
        events.managed(user, id);
        Attendance value = Arrays.stream(Attendance.values())
                .filter(a -> a.name().equals(attendance))
                .findFirst()
                .orElse(null);
        registrations.markAttendance(user, id, registration, value);
        return "redirect:" + BASE + "/" + id + "/uczestnicy#r" + registration;
    }

    @GetMapping(BASE + "/{id}/uczestnicy.csv")
    void csv(CurrentUser user, @PathVariable long id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Event event = events.managed(user, id);
        List<Participant> list = registrations.export(user, id, "CSV", false);
        Page page = pages.of(request);
        Downloads.attachment(response, "text/csv;charset=UTF-8", "uczestnicy-" + event.id() + ".csv");
        ParticipantCsv.write(response.getOutputStream(), page, list, directory.regionsById());
    }

    @GetMapping(BASE + "/{id}/uczestnicy.xlsx")
    void xlsx(CurrentUser user, @PathVariable long id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Event event = events.managed(user, id);
        List<Participant> list = registrations.export(user, id, "XLSX", false);
        Page page = pages.of(request);
        Downloads.attachment(
                response,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "uczestnicy-" + event.id() + ".xlsx");
        ParticipantXlsx.write(
                response.getOutputStream(), page, page.t("events.manage.participants"), list, directory.regionsById());
    }

    /** The printable sign-in sheet of the confirmed participants, in the order they registered. */
    @GetMapping(BASE + "/{id}/lista-obecnosci.pdf")
    void signInSheet(CurrentUser user, @PathVariable long id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Event event = events.managed(user, id);
        List<Participant> confirmed = registrations.export(user, id, "PDF", true);
        Page page = pages.of(request);
        Downloads.attachment(response, "application/pdf", "lista-obecnosci-" + event.id() + ".pdf");
        SignInSheetPdf.write(
                response.getOutputStream(),
                templates,
                page,
                event,
                confirmed,
                directory.regionsById(),
                sheetFrame(page, event));
    }

    /** The organiser, the co-financing note and the logos a sign-in sheet carries. */
    private SignInSheetPdf.Frame sheetFrame(Page page, Event event) throws IOException {
        String area = "";
        Long regionId = event.regionId();
        Long macroregionId = event.macroregionId();
        if (regionId != null) {
            area = directory
                    .region(regionId.longValue())
                    .map(r -> r.name(page.locale()))
                    .orElse("");
        } else if (macroregionId != null) {
            long macroregion = macroregionId;
            area = directory.macroregions().stream()
                    .filter(m -> m.id() == macroregion)
                    .map(m -> m.name(page.locale()))
                    .findFirst()
                    .orElse("");
        }
        String organiser = page.t("events.sheet.organiser." + event.level().name(), area);
        String note = properties.signInSheet().coFinancing().isBlank()
                ? page.t("events.sheet.coFinancing")
                : properties.signInSheet().coFinancing();
        List<byte[]> logos = new ArrayList<>();
        for (String location : properties.signInSheet().logos()) {
            try (InputStream in = resources.getResource(location).getInputStream()) {
                logos.add(in.readAllBytes());
            }
        }
        return new SignInSheetPdf.Frame(organiser, note, logos);
    }

    private String showParticipants(
            Model model, Event event, List<Participant> list, RegistrationForm form, FormErrors errors) {
        model.addAttribute("event", event);
        model.addAttribute("registrations", list);
        model.addAttribute("seats", catalogue.seats(event));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("regions", directory.regions());
        model.addAttribute("regionNames", directory.regionsById());
        model.addAttribute("kinds", InstitutionKind.values());
        model.addAttribute("stats", AttendanceStats.of(list, directory.regionsById()));
        return "events/manage/participants";
    }
}
