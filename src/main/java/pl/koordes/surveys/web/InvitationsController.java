package pl.koordes.surveys.web;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.surveys.internal.InvitationsMailings;
import pl.koordes.surveys.internal.InvitationsOverview;
import pl.koordes.surveys.internal.InvitationsOverview.Overview;
import pl.koordes.surveys.internal.MailingKind;
import pl.koordes.surveys.internal.SurveyPermissions;

/**
 * The operator's invitations page of a survey: its audience, who has answered (in all and per region),
 * the rounds sent, and "send now" for the invitation and the reminder. Each asks first on the shared
 * confirmation page (the GET of the action's address), says how many people will get it, and sends one
 * round per kind and day: a second click the same day sends nothing and says so. A survey that is not open
 * is refused (409) with the reason on the page. Operators only (editors, administrators).
 */
@Controller
class InvitationsController {

    static final String BASE = "/ankiety/obsluga/{id}/zaproszenia";
    static final String INVITE = BASE + "/wyslij";
    static final String REMIND = BASE + "/przypomnij";

    private final InvitationsOverview overviews;
    private final InvitationsMailings mailings;
    private final SurveyPermissions permissions;

    InvitationsController(InvitationsOverview overviews, InvitationsMailings mailings, SurveyPermissions permissions) {
        this.overviews = overviews;
        this.mailings = mailings;
        this.permissions = permissions;
    }

    @GetMapping(BASE)
    String page(@PathVariable long id, CurrentUser user, Model model) {
        model.addAttribute("overview", overview(user, id));
        return "surveys/invitations/page";
    }

    @GetMapping(INVITE)
    String confirmInvitations(@PathVariable long id, CurrentUser user, Model model, HttpServletResponse response) {
        return confirm(id, user, MailingKind.INVITATION, model, response);
    }

    @PostMapping(INVITE)
    String sendInvitations(
            @PathVariable long id,
            CurrentUser user,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return send(id, user, MailingKind.INVITATION, confirmed, model, response, redirect);
    }

    @GetMapping(REMIND)
    String confirmReminder(@PathVariable long id, CurrentUser user, Model model, HttpServletResponse response) {
        return confirm(id, user, MailingKind.REMINDER, model, response);
    }

    @PostMapping(REMIND)
    String sendReminder(
            @PathVariable long id,
            CurrentUser user,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return send(id, user, MailingKind.REMINDER, confirmed, model, response, redirect);
    }

    private String confirm(long id, CurrentUser user, MailingKind kind, Model model, HttpServletResponse response) {
        Overview overview = overview(user, id);
        String key = "surveys.invitations.confirm." + kind.name();
        Confirmation question = Confirmation.of(action(id, kind), page(id), key + ".title", key + ".button")
                .subject(overview.survey().title());
        if (!overview.open()) {
            response.setStatus(HttpStatus.CONFLICT.value());
            question = question.refused("surveys.invitations.refused.notOpen");
        } else if (overview.sentToday(kind)) {
            question = question.refused("surveys.invitations.already." + kind.name());
        } else {
            question = question.consequence(key + ".recipients", overview.notAnswered())
                    .consequence("surveys.invitations.confirm.answered", overview.answered())
                    .consequence("surveys.invitations.confirm.preferences")
                    .consequence("surveys.invitations.confirm.once");
        }
        model.addAttribute("confirmation", question);
        return "shared/confirm";
    }

    private String send(
            long id,
            CurrentUser user,
            MailingKind kind,
            @Nullable String confirmed,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        operator(user);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + action(id, kind);
        }
        InvitationsMailings.Outcome outcome;
        try {
            outcome = mailings.sendNow(id, kind);
        } catch (Refused refused) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("overview", overview(user, id));
            model.addAttribute("problem", refused.messageKey());
            return "surveys/invitations/page";
        }
        if (outcome.sent()) {
            redirect.addFlashAttribute("notice", "surveys.invitations.sent." + kind.name());
            redirect.addFlashAttribute("noticeArgument", outcome.recipients());
        } else {
            redirect.addFlashAttribute("problem", "surveys.invitations.already." + kind.name());
        }
        return "redirect:" + page(id);
    }

    private Overview overview(CurrentUser user, long id) {
        operator(user);
        return overviews.of(id).orElseThrow(() -> new NotFound("survey", id));
    }

    private void operator(CurrentUser user) {
        if (!permissions.isOperator(user)) {
            throw new AccessDeniedException("surveys operator");
        }
    }

    private static String page(long id) {
        return "/ankiety/obsluga/" + id + "/zaproszenia";
    }

    private static String action(long id, MailingKind kind) {
        return page(id) + (kind == MailingKind.INVITATION ? "/wyslij" : "/przypomnij");
    }
}
