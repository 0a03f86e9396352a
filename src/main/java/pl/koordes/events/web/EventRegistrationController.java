package pl.koordes.events.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import pl.koordes.directory.Directory;
import pl.koordes.directory.InstitutionKind;
import pl.koordes.events.internal.Event;
import pl.koordes.events.internal.EventCatalogue;
import pl.koordes.events.internal.EventPermissions;
import pl.koordes.events.internal.EventRegistrations;
import pl.koordes.events.internal.FeedbackForm;
import pl.koordes.events.internal.KeptEvents;
import pl.koordes.events.internal.Participant;
import pl.koordes.events.internal.RegistrationForm;
import pl.koordes.events.internal.RegistrationMeter;
import pl.koordes.events.internal.RegistrationResult;
import pl.koordes.events.internal.RegistrationStatus;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.FormErrors;

/**
 * Registering for an event (one step when signed in; visitors give their details and confirm by an
 * e-mail link), confirming, and cancelling by the link in the e-mail without signing in.
 */
@Controller
class EventRegistrationController {

    private final EventCatalogue catalogue;
    private final KeptEvents keptEvents;
    private final EventPermissions permissions;
    private final EventRegistrations registrations;
    private final Directory directory;
    private final SpringValidatorAdapter visitorRules;
    private final RegistrationMeter meter;

    EventRegistrationController(
            EventCatalogue catalogue,
            KeptEvents keptEvents,
            EventPermissions permissions,
            EventRegistrations registrations,
            Directory directory,
            Validator validator,
            RegistrationMeter meter) {
        this.meter = meter;
        this.catalogue = catalogue;
        this.keptEvents = keptEvents;
        this.permissions = permissions;
        this.registrations = registrations;
        this.directory = directory;
        this.visitorRules = new SpringValidatorAdapter(validator);
    }

    @GetMapping("/wydarzenia/{id}/zapis")
    String form(@PathVariable long id, Optional<CurrentUser> user, Model model) {
        Event event = visible(id, user);
        Optional<Participant> own = user.flatMap(u -> registrations.own(u, id));
        if (own.isPresent()) {
            return "redirect:" + event.href();
        }
        return show(model, event, user.isPresent(), RegistrationForm.empty(), FormErrors.none(), null);
    }

    @PostMapping("/wydarzenia/{id}/zapis")
    String register(
            @PathVariable long id,
            @Valid @ModelAttribute("form") RegistrationForm form,
            BindingResult result,
            Optional<CurrentUser> user,
            Locale locale,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        Event event = visible(id, user);
        if (user.isEmpty()) {
            // A visitor gives what an account would: the form's Visitor group, beside the fields like the rest.
            visitorRules.validate(form, result, RegistrationForm.Visitor.class);
        }
        FormErrors errors = FormErrors.check(form, result);
        if (errors.any()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return show(model, event, user.isPresent(), form, errors, null);
        }
        RegistrationResult registered;
        try {
            // A visitor's registration counts against the limit of its address (the service counts only those that
            // send mail, and no signed-in person's).
            registered = meter.time(
                    () -> registrations.register(event, form, user.orElse(null), locale, request.getRemoteAddr()));
        } catch (Refused refused) {
            if (EventRegistrations.TOO_MANY.equals(refused.messageKey())) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                return show(model, event, false, form, FormErrors.none(), refused.messageKey());
            }
            if (refused.kind() == Refused.Kind.CONFLICT) {
                // Closed, or not for this person: said once above the form, not beside a field.
                response.setStatus(HttpStatus.CONFLICT.value());
                return show(model, event, user.isPresent(), form, FormErrors.none(), refused.messageKey());
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return show(model, event, user.isPresent(), form, FormErrors.of(refused), null);
        }
        if (user.isPresent()) {
            return "redirect:" + event.href() + "?zapis="
                    + (registered.status() == RegistrationStatus.CONFIRMED ? "potwierdzony" : "lista");
        }
        return "redirect:/wydarzenia/" + id + "/zapis/wyslano";
    }

    @GetMapping("/wydarzenia/{id}/zapis/wyslano")
    String sent(@PathVariable long id, Optional<CurrentUser> user, Model model) {
        model.addAttribute("event", visible(id, user));
        model.addAttribute("messageKey", "events.register.sent");
        return "events/notice";
    }

    @GetMapping("/wydarzenia/zapis/potwierdz")
    String confirmPage(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        Optional<Event> event = registrations.confirmable(token);
        if (event.isEmpty()) {
            response.setStatus(HttpStatus.GONE.value());
            model.addAttribute("event", null);
            model.addAttribute("messageKey", "events.confirm.INVALID");
            return "events/notice";
        }
        model.addAttribute("event", event.get());
        model.addAttribute("token", token);
        return "events/confirm";
    }

    @PostMapping("/wydarzenia/zapis/potwierdz")
    String confirm(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        EventRegistrations.Confirmation result = registrations.confirm(token);
        if (result == EventRegistrations.Confirmation.INVALID) {
            response.setStatus(HttpStatus.GONE.value());
        }
        model.addAttribute("event", null);
        model.addAttribute("messageKey", "events.confirm." + result.name());
        return "events/notice";
    }

    @GetMapping("/wydarzenia/rezygnacja")
    String cancelForm(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        Optional<Participant> registration = registrations.byCancelToken(token);
        if (registration.isEmpty()) {
            response.setStatus(HttpStatus.GONE.value());
            model.addAttribute("event", null);
            model.addAttribute("messageKey", "events.cancel.invalid");
            return "events/notice";
        }
        model.addAttribute("event", catalogue.find(registration.get().eventId()).orElseThrow());
        model.addAttribute("token", token);
        return "events/cancel";
    }

    @PostMapping("/wydarzenia/rezygnacja")
    String cancel(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        boolean cancelled = registrations.cancel(token);
        if (!cancelled) {
            response.setStatus(HttpStatus.GONE.value());
        }
        model.addAttribute("event", null);
        model.addAttribute("messageKey", cancelled ? "events.cancel.done" : "events.cancel.invalid");
        return "events/notice";
    }

    @PostMapping("/wydarzenia/{id}/rezygnacja")
    String cancelOwn(@PathVariable long id, CurrentUser user) {
        Event event = visible(id, Optional.of(user));
        registrations.cancelOwn(user, id);
        return "redirect:" + event.href() + "?zapis=odwolany";
    }

    @PostMapping("/wydarzenia/{id}/opinia")
    String feedback(
            @PathVariable long id,
            CurrentUser user,
            @Valid @ModelAttribute("feedback") FeedbackForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model) {
        Event event = visible(id, Optional.of(user));
        String refusal = null;
        if (FormErrors.check(form, result).any()) {
            refusal = "events.feedback.refused";
        } else {
            try {
                registrations.giveFeedback(user, id, form);
            } catch (Refused refused) {
                refusal = refused.messageKey();
            }
        }
        if (refusal != null) {
            // The form sits on the event's page; one notice says what is allowed, whatever was wrong.
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("event", event);
            model.addAttribute("messageKey", refusal);
            return "events/notice";
        }
        return "redirect:" + event.href() + "?opinia";
    }

    // The event kept in memory: what decides a registration is read again under the event's lock.
    private Event visible(long id, Optional<CurrentUser> user) {
        return keptEvents
                .find(id)
                .filter(e -> permissions.canView(user.orElse(null), e))
                .orElseThrow(() -> new NotFound("event", id));
    }

    private String show(
            Model model, Event event, boolean signedIn, RegistrationForm form, FormErrors errors, String refusalKey) {
        model.addAttribute("event", event);
        model.addAttribute("signedIn", signedIn);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("refusal", refusalKey);
        model.addAttribute("regions", directory.regions());
        model.addAttribute("kinds", InstitutionKind.values());
        model.addAttribute("open", event.registrationOpen(catalogue.now()));
        return "events/register";
    }
}
