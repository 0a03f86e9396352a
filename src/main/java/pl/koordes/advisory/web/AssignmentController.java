package pl.koordes.advisory.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.advisory.AdvisoryStatus;
import pl.koordes.advisory.internal.AdvisoryCase;
import pl.koordes.advisory.internal.AdvisoryPermissions;
import pl.koordes.advisory.internal.AdvisoryStore;
import pl.koordes.advisory.internal.AssignForm;
import pl.koordes.advisory.internal.AssignmentHours;
import pl.koordes.advisory.internal.AssignmentManagement;
import pl.koordes.advisory.internal.AssignmentQueries;
import pl.koordes.advisory.internal.DecisionForm;
import pl.koordes.advisory.internal.LimitForm;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;

/**
 * The operator's decisions on one case: accept (with a limit and experts) or decline, assign and remove
 * experts, change the limit, grant or refuse hours beyond it. The case is looked up as its page does (404 for
 * whoever may not see it), then only the operator acts (403 for the region and its experts).
 */
@Controller
class AssignmentController {

    private final AdvisoryStore store;
    private final AdvisoryPermissions permissions;
    private final AssignmentManagement assignment;
    private final AssignmentQueries queries;
    private final Clock clock;

    AssignmentController(
            AdvisoryStore store,
            AdvisoryPermissions permissions,
            AssignmentManagement assignment,
            AssignmentQueries queries,
            Clock clock) {
        this.store = store;
        this.permissions = permissions;
        this.assignment = assignment;
        this.queries = queries;
        this.clock = clock;
    }

    @InitBinder
    void hours(WebDataBinder binder) {
        binder.registerCustomEditor(BigDecimal.class, new AssignmentHours.Editor());
    }

    @GetMapping("/doradztwo/{id}/decyzja")
    String decisionForm(CurrentUser user, @PathVariable long id, Model model) {
        AdvisoryCase found = operatorCase(user, id);
        return decisionPage(model, found, DecisionForm.empty(), FormErrors.none());
    }

    @PostMapping("/doradztwo/{id}/decyzja")
    String decide(
            CurrentUser user,
            @PathVariable long id,
            @Valid DecisionForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        AdvisoryCase found = operatorCase(user, id);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    assignment.decide(user, id, form);
                    redirect.addFlashAttribute(
                            "notice",
                            form.decision() == DecisionForm.Decision.ACCEPT
                                    ? "advisory.assignment.accepted"
                                    : "advisory.assignment.declined");
                    return "redirect:" + found.request().href();
                },
                errors -> decisionPage(model, operatorCase(user, id), form, errors));
    }

    @GetMapping("/doradztwo/{id}/eksperci")
    String chooser(CurrentUser user, @PathVariable long id, Model model) {
        AdvisoryCase found = operatorCase(user, id);
        return chooserPage(model, found, AssignForm.of(found.request().rowVersion()), FormErrors.none());
    }

    @PostMapping("/doradztwo/{id}/eksperci")
    String assign(
            CurrentUser user,
            @PathVariable long id,
            @Valid AssignForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        AdvisoryCase found = operatorCase(user, id);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    List<Long> added = assignment.assign(user, id, form);
                    redirect.addFlashAttribute("notice", "advisory.assignment.assigned");
                    redirect.addFlashAttribute("noticeArgument", added.size());
                    return "redirect:" + found.request().href();
                },
                errors -> {
                    // After a conflict the chooser shows the case as it is now, with this operator's choice kept.
                    AdvisoryCase now = operatorCase(user, id);
                    return chooserPage(
                            model, now, errors.any() ? form.at(now.request().rowVersion()) : form, errors);
                });
    }

    @GetMapping("/doradztwo/{id}/eksperci/{accountId}/usun")
    String confirmRemove(CurrentUser user, @PathVariable long id, @PathVariable long accountId, Model model) {
        AdvisoryCase found = operatorCase(user, id);
        AdvisoryCase.Expert expert = assigned(found, accountId);
        Confirmation confirmation = Confirmation.of(
                        removePath(id, accountId),
                        found.request().href(),
                        "advisory.assignment.remove.title",
                        "advisory.assignment.remove.button")
                .subject(expert.name());
        if (!found.request().status().open()) {
            confirmation = confirmation.refused("advisory.assignment.unassign.closed");
        } else {
            confirmation = confirmation
                    .consequence(
                            "advisory.assignment.remove.access",
                            expert.name(),
                            found.request().title())
                    .consequence("advisory.assignment.remove.told")
                    .consequence(
                            found.experts().size() == 1
                                    ? "advisory.assignment.remove.none"
                                    : "advisory.assignment.remove.others",
                            found.experts().size() - 1);
        }
        model.addAttribute("confirmation", confirmation);
        return "shared/confirm";
    }

    @PostMapping("/doradztwo/{id}/eksperci/{accountId}/usun")
    String remove(
            CurrentUser user,
            @PathVariable long id,
            @PathVariable long accountId,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        AdvisoryCase found = operatorCase(user, id);
        assigned(found, accountId);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + removePath(id, accountId);
        }
        assignment.unassign(user, id, accountId);
        redirect.addFlashAttribute("notice", "advisory.assignment.removed");
        return "redirect:" + found.request().href();
    }

    @PostMapping("/doradztwo/{id}/limit")
    String limit(
            CurrentUser user,
            @PathVariable long id,
            @Valid LimitForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        AdvisoryCase found = operatorCase(user, id);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    assignment.changeLimit(user, id, form);
                    redirect.addFlashAttribute("notice", "advisory.assignment.limitChanged");
                    return "redirect:" + found.request().href();
                },
                errors -> {
                    AdvisoryCase now = operatorCase(user, id);
                    model.addAttribute("advisoryCase", now);
                    model.addAttribute("form", form);
                    model.addAttribute("errors", errors);
                    model.addAttribute("counted", queries.countedHours(id));
                    return "advisory/assignment/limit";
                });
    }

    /** Grants ({@code decyzja=zgoda}) or refuses ({@code decyzja=odmowa}) a session's hours beyond the limit. */
    @PostMapping("/doradztwo/{id}/sesje/{sessionId}/zgoda")
    String consent(
            CurrentUser user,
            @PathVariable long id,
            @PathVariable long sessionId,
            @RequestParam(name = "decyzja", required = false) @Nullable String decision,
            RedirectAttributes redirect) {
        AdvisoryCase found = operatorCase(user, id);
        boolean grant = "zgoda".equals(decision);
        if (!grant && !"odmowa".equals(decision)) {
            throw Refused.because("advisory.assignment.consent.decision");
        }
        try {
            assignment.consent(user, id, sessionId, grant);
            redirect.addFlashAttribute(
                    "notice", grant ? "advisory.assignment.consent.granted" : "advisory.assignment.consent.refused");
        } catch (Refused refused) {
            redirect.addFlashAttribute("problem", refused.messageKey());
        }
        return "redirect:" + found.request().href();
    }

    static String removePath(long id, long accountId) {
        return "/doradztwo/" + id + "/eksperci/" + accountId + "/usun";
    }

    private String decisionPage(Model model, AdvisoryCase found, DecisionForm form, FormErrors errors) {
        AdvisoryCase shown = found;
        model.addAttribute("advisoryCase", shown);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("decidable", shown.request().status() == AdvisoryStatus.SUBMITTED);
        model.addAttribute("experts", experts(model, shown));
        return "advisory/assignment/decision";
    }

    private String chooserPage(Model model, AdvisoryCase found, AssignForm form, FormErrors errors) {
        model.addAttribute("advisoryCase", found);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("open", found.request().status().open());
        model.addAttribute("experts", experts(model, found));
        return "advisory/assignment/experts";
    }

    private List<AssignmentQueries.ExpertLoad> experts(Model model, AdvisoryCase found) {
        int year = LocalDate.now(clock.withZone(Formats.ZONE)).getYear();
        model.addAttribute("year", year);
        return queries.experts(
                LocaleContextHolder.getLocale(),
                year,
                found.request().topicId(),
                found.request().regionId());
    }

    private static AdvisoryCase.Expert assigned(AdvisoryCase found, long accountId) {
        return found.experts().stream()
                .filter(e -> e.accountId() == accountId)
                .findFirst()
                .orElseThrow(() ->
                        new NotFound("advisory assignment", found.request().id() + "/" + accountId));
    }

    private AdvisoryCase operatorCase(CurrentUser user, long id) {
        AdvisoryCase found = CaseController.visibleCase(store, permissions, user, id);
        if (!permissions.isOperator(user)) {
            throw new AccessDeniedException("Only the operator decides and assigns");
        }
        return found;
    }
}
