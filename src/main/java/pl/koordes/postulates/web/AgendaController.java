package pl.koordes.postulates.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.events.EventReference;
import pl.koordes.events.PublicEvents;
import pl.koordes.postulates.PostulateStatus;
import pl.koordes.postulates.internal.AgendaForm;
import pl.koordes.postulates.internal.AgendaManagement;
import pl.koordes.postulates.internal.AgendaStore;
import pl.koordes.postulates.internal.Postulate;
import pl.koordes.postulates.internal.PostulatePermissions;
import pl.koordes.postulates.internal.PostulateStore;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;
import pl.koordes.shared.web.Page;

/**
 * The operator puts a public postulate on a national meeting's agenda ({@code /postulaty/{id}/porzadek}) and
 * takes it off after a question ({@code /postulaty/{id}/porzadek/{eventId}/usun}). Anyone else gets 403; a
 * postulate the operator cannot see (a draft) is 404, as everywhere.
 */
@Controller
class AgendaController {

    /** How many upcoming national meetings the form offers. */
    static final int MEETINGS_OFFERED = 50;

    private final PostulateStore store;
    private final AgendaStore agenda;
    private final AgendaManagement management;
    private final PostulatePermissions permissions;
    private final PublicEvents events;

    AgendaController(
            PostulateStore store,
            AgendaStore agenda,
            AgendaManagement management,
            PostulatePermissions permissions,
            PublicEvents events) {
        this.store = store;
        this.agenda = agenda;
        this.management = management;
        this.permissions = permissions;
        this.events = events;
    }

    @GetMapping("/postulaty/{id}/porzadek")
    String form(CurrentUser user, @PathVariable long id, Model model) {
        Postulate postulate = visible(user, id);
        return form(user, model, postulate, AgendaForm.empty(), FormErrors.none());
    }

    @PostMapping("/postulaty/{id}/porzadek")
    String add(
            CurrentUser user,
            @PathVariable long id,
            @Valid AgendaForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Postulate postulate = visible(user, id);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    management.add(id, form, user);
                    redirect.addFlashAttribute(AgendaSections.NOTICE, "postulates.agenda.added");
                    return "redirect:" + postulate.href() + "#porzadek";
                },
                errors -> form(user, model, postulate, form, errors));
    }

    @GetMapping("/postulaty/{id}/porzadek/{eventId}/usun")
    String confirmRemove(CurrentUser user, @PathVariable long id, @PathVariable long eventId, Page page, Model model) {
        Postulate postulate = visible(user, id);
        Optional<EventReference> event = onAgenda(postulate, eventId);
        boolean english = page.english();
        Confirmation confirmation = Confirmation.of(
                        postulate.href() + "/porzadek/" + eventId + "/usun",
                        postulate.href() + "#porzadek",
                        "postulates.agenda.remove.title",
                        "postulates.agenda.remove.button")
                .subject(postulate.title())
                .consequence(
                        "postulates.agenda.remove.consequence",
                        event.map(e -> e.title(english)).orElse("#" + eventId),
                        event.map(e -> Formats.date(e.startsAt())).orElse("—"))
                .consequence("postulates.agenda.remove.again");
        model.addAttribute("confirmation", confirmation);
        return "shared/confirm";
    }

    @PostMapping("/postulaty/{id}/porzadek/{eventId}/usun")
    String remove(
            CurrentUser user,
            @PathVariable long id,
            @PathVariable long eventId,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        Postulate postulate = visible(user, id);
        onAgenda(postulate, eventId);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + postulate.href() + "/porzadek/" + eventId + "/usun";
        }
        management.remove(id, eventId, user);
        redirect.addFlashAttribute(AgendaSections.NOTICE, "postulates.agenda.removed");
        return "redirect:" + postulate.href() + "#porzadek";
    }

    private String form(CurrentUser user, Model model, Postulate postulate, AgendaForm form, FormErrors errors) {
        List<Long> already = agenda.events(postulate.id());
        boolean english = Language.of(LocaleContextHolder.getLocale()) == Language.EN;
        List<String[]> meetings = events.upcomingNational(MEETINGS_OFFERED).stream()
                .filter(e -> !already.contains(e.id()))
                .map(e ->
                        new String[] {String.valueOf(e.id()), e.title(english) + " (" + Formats.date(e.startsAt()) + ")"
                        })
                .toList();
        model.addAttribute("postulate", postulate);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("meetings", meetings);
        model.addAttribute("allowed", permissions.canPutOnAgenda(user, postulate.status()));
        return "postulates/agenda/form";
    }

    /** The postulate, for an operator who may see it; 403 for anyone else, 404 for a draft or an unknown id. */
    private Postulate visible(CurrentUser user, long id) {
        if (!permissions.isOperator(user)) {
            throw new AccessDeniedException("agenda");
        }
        Postulate postulate = store.find(id)
                .filter(p -> p.status() != PostulateStatus.MERGED)
                .filter(p -> permissions.canSee(user, p.status(), p.regionId()))
                .orElseThrow(() -> new NotFound("postulate", id));
        return postulate;
    }

    /** The meeting whose agenda the postulate is on (empty when the event is no longer public); 404 when not on it. */
    private Optional<EventReference> onAgenda(Postulate postulate, long eventId) {
        if (!agenda.events(postulate.id()).contains(eventId)) {
            throw new NotFound("agenda", eventId);
        }
        return events.find(eventId);
    }
}
