package pl.koordes.events.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.events.EventLevel;
import pl.koordes.events.EventStatus;
import pl.koordes.events.internal.Event;
import pl.koordes.events.internal.EventCatalogue;
import pl.koordes.events.internal.EventForm;
import pl.koordes.events.internal.EventManagement;
import pl.koordes.events.internal.EventPermissions;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.text.TextInput;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;

/**
 * The organisers' pages: their events, the event form and the event's status (each event's participants
 * are {@link OrganiserParticipantsController}'s). Every request is checked ({@link ManagedEvents}): a regional coordinator
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
    private final EventPermissions permissions;
    private final ManagedEvents events;
    private final Directory directory;
    private final SpringValidatorAdapter validator;

    OrganiserController(
            EventCatalogue catalogue,
            EventManagement management,
            EventPermissions permissions,
            ManagedEvents events,
            Directory directory,
            Validator validator) {
        this.catalogue = catalogue;
        this.management = management;
        this.permissions = permissions;
        this.events = events;
        this.directory = directory;
        this.validator = new SpringValidatorAdapter(validator);
    }

    @GetMapping(BASE)
    String events(CurrentUser user, Model model) {
        events.requireOrganiser(user);
        model.addAttribute("events", catalogue.manageable(user, permissions.manageEverything(user)));
        model.addAttribute("regionNames", directory.regionsById());
        return "events/manage/events";
    }

    @GetMapping(BASE + "/nowe")
    String newForm(CurrentUser user, Model model) {
        events.requireOrganiser(user);
        Long region = permissions.manageEverything(user)
                ? null
                : user.regionsOf(Role.REGIONAL_COORDINATOR).stream().findFirst().orElse(null);
        return showForm(model, user, null, EventForm.empty(region), FormErrors.none(), Map.of());
    }

    @GetMapping(BASE + "/{id}")
    String editForm(CurrentUser user, @PathVariable long id, Model model) {
        Event event = events.managed(user, id);
        return showForm(model, user, event, EventForm.of(event), FormErrors.none(), Map.of());
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
        Event event = id == null ? null : events.managed(user, id);
        if (event == null) {
            events.requireOrganiser(user);
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
        Event event = events.managed(user, id);
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
        Event event = events.managed(user, id);
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
}
