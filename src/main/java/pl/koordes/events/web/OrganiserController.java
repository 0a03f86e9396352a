package pl.koordes.events.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.directory.Directory;
import pl.koordes.directory.InstitutionKind;
import pl.koordes.directory.Region;
import pl.koordes.events.EventLevel;
import pl.koordes.events.EventStatus;
import pl.koordes.events.SeatMode;
import pl.koordes.events.internal.Attendance;
import pl.koordes.events.internal.Event;
import pl.koordes.events.internal.EventCatalogue;
import pl.koordes.events.internal.EventForm;
import pl.koordes.events.internal.EventManagement;
import pl.koordes.events.internal.EventPermissions;
import pl.koordes.events.internal.EventsProperties;
import pl.koordes.events.internal.Participant;
import pl.koordes.events.internal.ParticipantManagement;
import pl.koordes.events.internal.RegistrationForm;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.text.TextInput;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.Downloads;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;
import pl.koordes.shared.web.Page;
import pl.koordes.shared.web.PageFactory;

/**
 * The organisers' pages: their events, the event form, and each event's registrations (add, move,
 * remove, check-in). Every request is checked against {@link EventPermissions}: a regional coordinator
 * reaches only their own region's regional events, whatever id the address or the form carries.
 *
 * <p>The event form's repeated rows (agenda, speakers, linked materials) are added and removed without
 * JavaScript: the "add" and "remove" buttons submit the form with an {@code akcja} naming what to do, and
 * the form comes back with the row added or removed, nothing saved and no errors shown.
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
    private final SpringValidatorAdapter validator;
    private final EventsProperties properties;
    private final ResourceLoader resources;

    OrganiserController(
            EventCatalogue catalogue,
            EventManagement management,
            ParticipantManagement registrations,
            EventPermissions permissions,
            Directory directory,
            PageFactory pages,
            Validator validator,
            EventsProperties properties,
            ResourceLoader resources) {
        this.pages = pages;
        this.properties = properties;
        this.resources = resources;
        this.validator = new SpringValidatorAdapter(validator);
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
        Long region = permissions.manageEverything(user)
                ? null
                : user.regionsOf(Role.REGIONAL_COORDINATOR).stream().findFirst().orElse(null);
        return showForm(model, user, null, EventForm.empty(region), FormErrors.none(), Map.of());
    }

    @GetMapping(BASE + "/{id}")
    String editForm(CurrentUser user, @PathVariable long id, Model model) {
        Event event = managed(user, id);
        return showForm(model, user, event, EventManagement.formOf(event), FormErrors.none(), Map.of());
    }

    /**
     * Creates an event ({@code nowe}) or saves the one in the address: one form, whose row buttons show
     * it again with a row added or removed, and which is otherwise checked and saved.
     */
    @PostMapping({BASE + "/nowe", BASE + "/{id}"})
    String save(
            CurrentUser user,
            @PathVariable(required = false) @Nullable Long id,
            @Valid EventForm form,
            BindingResult result,
            @RequestParam(name = ACTION, required = false) @Nullable String action,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Event event = id == null ? null : managed(user, id);
        if (event == null) {
            requireOrganiser(user);
        }
        EventForm changed = rowsChanged(form, action);
        if (changed != null) {
            return showForm(model, user, event, changed, FormErrors.none(), typed(result));
        }
        requireScope(user, form);
        checkConverted(form, result);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    if (id == null) {
                        long created = management.create(user, form);
                        redirect.addFlashAttribute("notice", "events.manage.created");
                        return "redirect:" + BASE + "/" + created;
                    }
                    management.update(user, id, form);
                    redirect.addFlashAttribute("notice", "events.manage.saved");
                    return "redirect:" + BASE + "/" + id;
                },
                // After a refusal nothing is typed to show again: a value that did not convert is never saved.
                errors -> showForm(model, user, event, form, errors, typed(result)));
    }

    /** The name of the submit buttons that add or remove a row instead of saving. */
    static final String ACTION = "akcja";

    private static final Pattern ROW_ACTION =
            Pattern.compile("(dodaj|usun)-(punkt|prelegenta|material)(?:-(\\d{1,3}))?");

    /**
     * The form with a row added or removed when one of the row buttons was pressed ({@code dodaj-punkt},
     * {@code usun-prelegenta-2}, {@code dodaj-material}…), or null when the form is to be saved.
     */
    static @Nullable EventForm rowsChanged(EventForm form, @Nullable String action) {
        if (action == null) {
            return null;
        }
        Matcher matcher = ROW_ACTION.matcher(action);
        if (!matcher.matches()) {
            return null;
        }
        EventForm.Rows rows = switch (matcher.group(2)) {
            case "punkt" -> EventForm.Rows.AGENDA;
            case "prelegenta" -> EventForm.Rows.SPEAKERS;
            default -> EventForm.Rows.MATERIALS;
        };
        if (matcher.group(1).equals("dodaj")) {
            return form.withRow(rows);
        }
        return matcher.group(3) == null ? form : form.withoutRow(rows, Integer.parseInt(matcher.group(3)));
    }

    /**
     * What was typed into fields whose value did not convert (a date "31.02.2026", a word for a number),
     * so that the form shows it again beside its error rather than an empty field.
     */
    static Map<String, String> typed(BindingResult result) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (FieldError error : result.getFieldErrors()) {
            if (error.isBindingFailure() && error.getRejectedValue() != null) {
                Object value = error.getRejectedValue();
                // As typed, but a control character never goes back to the browser (see TextInput.visible).
                typed.putIfAbsent(
                        error.getField(),
                        TextInput.visible(
                                value instanceof String[] values ? String.join(",", values) : value.toString()));
            }
        }
        return typed;
    }

    /**
     * Adds the errors of the annotations of the fields that did convert, before {@link FormErrors#check}:
     * Spring skips them all when one value does not convert (a date "31.02.2026"), and the person should
     * see every error at once.
     */
    private void checkConverted(EventForm form, BindingResult result) {
        if (result.getFieldErrors().stream().anyMatch(FieldError::isBindingFailure)) {
            DirectFieldBindingResult annotations = new DirectFieldBindingResult(form, result.getObjectName());
            validator.validate(form, annotations);
            for (FieldError error : annotations.getFieldErrors()) {
                if (!result.hasFieldErrors(error.getField())) {
                    result.addError(error);
                }
            }
        }
    }

    /**
     * A coordinator who sends another region's id (or a level above regional) is refused outright, before
     * any error of the form is shown: the form is not theirs to fill in for that scope.
     */
    private void requireScope(CurrentUser user, EventForm form) {
        EventLevel level = form.level();
        if (level != null
                && (level != EventLevel.REGIONAL || form.regionId() != null)
                && !permissions.canManage(user, level, form.regionId())) {
            throw new AccessDeniedException("Event outside the organiser's scope");
        }
    }

    /**
     * Asks before a status change that takes the event from people: cancelling it, or returning a visible
     * one to the drafts (refused while anyone is registered: cancelling tells them, a draft would not).
     * Other changes have nothing to confirm and lead back to the form.
     */
    @GetMapping(BASE + "/{id}/status")
    String confirmStatus(
            CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String status, Model model) {
        Event event = managed(user, id);
        EventStatus target = statusOf(status);
        if (!event.status().destructiveTo(target)) {
            return "redirect:" + BASE + "/" + id;
        }
        String action = BASE + "/" + id + "/status";
        EventManagement.Affected affected = management.affected(id);
        Confirmation confirmation = Confirmation.of(
                        action,
                        BASE + "/" + id,
                        "events.confirm." + target.name() + ".title",
                        "events.manage.to." + target.name())
                .subject(event.title() + " (" + event.when() + ")")
                .field("status", target.name());
        if (target == EventStatus.DRAFT) {
            confirmation = affected.any()
                    ? confirmation.refused("events.manage.toDraft.refused")
                    : confirmation.consequence("events.confirm.DRAFT.hidden");
        } else if (event.status() == EventStatus.PUBLISHED) {
            confirmation = confirmation
                    .consequence("events.confirm.CANCELLED.shown")
                    .consequence("events.confirm.CANCELLED.registered", affected.registered())
                    .consequence("events.confirm.CANCELLED.waiting", affected.waiting());
        } else {
            confirmation = confirmation.consequence("events.confirm.CANCELLED.unpublished");
        }
        model.addAttribute("confirmation", confirmation);
        return "shared/confirm";
    }

    @PostMapping(BASE + "/{id}/status")
    String status(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String status,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        Event event = managed(user, id);
        EventStatus target = statusOf(status);
        if (event.status().destructiveTo(target) && !Confirmation.given(confirmed)) {
            return "redirect:" + BASE + "/" + id + "/status?status=" + target.name();
        }
        try {
            management.changeStatus(user, id, target);
        } catch (Refused refused) {
            redirect.addFlashAttribute("problem", refused.messageKey());
            return "redirect:" + BASE + "/" + id;
        }
        redirect.addFlashAttribute("notice", "events.manage.status." + target.name());
        return "redirect:" + BASE + "/" + id;
    }

    private static EventStatus statusOf(String status) {
        return Arrays.stream(EventStatus.values())
                .filter(s -> s.name().equals(status))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
    }

    @GetMapping(BASE + "/{id}/uczestnicy")
    String participants(CurrentUser user, @PathVariable long id, Model model) {
        Event event = managed(user, id);
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

    /** Asks before removing a registration: the person will be told, their seat given to the waiting list. */
    @GetMapping(BASE + "/{id}/uczestnicy/{registration}/usun")
    String confirmRemove(CurrentUser user, @PathVariable long id, @PathVariable long registration, Model model) {
        Event event = managed(user, id);
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
        managed(user, id);
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
        managed(user, id);
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
        managed(user, id);
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
        Event event = managed(user, id);
        List<Participant> list = registrations.export(user, id, "CSV", false);
        Page page = pages.create(request);
        Downloads.attachment(response, "text/csv;charset=UTF-8", "uczestnicy-" + event.id() + ".csv");
        ParticipantCsv.write(response.getOutputStream(), page, list, regionNames());
    }

    @GetMapping(BASE + "/{id}/uczestnicy.xlsx")
    void xlsx(CurrentUser user, @PathVariable long id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Event event = managed(user, id);
        List<Participant> list = registrations.export(user, id, "XLSX", false);
        Page page = pages.create(request);
        Downloads.attachment(
                response,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "uczestnicy-" + event.id() + ".xlsx");
        ParticipantXlsx.write(
                response.getOutputStream(), page, page.t("events.manage.participants"), list, regionNames());
    }

    /** The printable sign-in sheet of the confirmed participants, in the order they registered. */
    @GetMapping(BASE + "/{id}/lista-obecnosci.pdf")
    void signInSheet(CurrentUser user, @PathVariable long id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Event event = managed(user, id);
        List<Participant> confirmed = registrations.export(user, id, "PDF", true);
        Page page = pages.create(request);
        Downloads.attachment(response, "application/pdf", "lista-obecnosci-" + event.id() + ".pdf");
        SignInSheetPdf.write(
                response.getOutputStream(), page, event, confirmed, regionNames(), sheetFrame(page, event));
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
        model.addAttribute("regionNames", regionNames());
        model.addAttribute("kinds", InstitutionKind.values());
        model.addAttribute("stats", AttendanceStats.of(list, regionNames()));
        return "events/manage/participants";
    }

    private String showForm(
            Model model,
            CurrentUser user,
            @Nullable Event event,
            EventForm form,
            FormErrors errors,
            Map<String, String> typed) {
        boolean everything = permissions.manageEverything(user);
        List<Region> regions = directory.regions().stream()
                .filter(r -> everything || user.has(Role.REGIONAL_COORDINATOR, r.id()))
                .toList();
        model.addAttribute("event", event);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("levels", everything ? List.of(EventLevel.values()) : List.of(EventLevel.REGIONAL));
        model.addAttribute("regionChoices", regions);
        model.addAttribute("macroregions", everything ? directory.macroregions() : List.of());
        model.addAttribute("roles", Role.values());
        model.addAttribute("typed", typed);
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
}
