package pl.koordes.advisory.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.advisory.internal.AdvisoryPermissions;
import pl.koordes.advisory.internal.AssignmentManagement;
import pl.koordes.advisory.internal.AssignmentQueries;
import pl.koordes.advisory.internal.ExpertProfileForm;
import pl.koordes.directory.Directory;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;

/**
 * The experts: every expert's load for the operator (open cases, hours this year, topics, regions), and one
 * expert's profile, which the operator edits and the expert may read.
 */
@Controller
class ExpertsController {

    static final String LIST = "/doradztwo/eksperci";

    private final AssignmentQueries queries;
    private final AssignmentManagement assignment;
    private final AdvisoryPermissions permissions;
    private final Directory directory;
    private final Clock clock;

    ExpertsController(
            AssignmentQueries queries,
            AssignmentManagement assignment,
            AdvisoryPermissions permissions,
            Directory directory,
            Clock clock) {
        this.queries = queries;
        this.assignment = assignment;
        this.permissions = permissions;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping(LIST)
    String list(CurrentUser user, Model model) {
        operator(user);
        int year = year();
        model.addAttribute("year", year);
        model.addAttribute("experts", queries.experts(LocaleContextHolder.getLocale(), year, null, null));
        return "advisory/assignment/expertList";
    }

    @GetMapping(LIST + "/{accountId}")
    String profile(CurrentUser user, @PathVariable long accountId, Model model) {
        boolean operator = permissions.isOperator(user);
        if (!operator && !(user.has(Role.EXPERT) && user.id() == accountId)) {
            throw new AccessDeniedException("An expert's profile is the operator's and the expert's own");
        }
        AssignmentQueries.ExpertLoad expert = expert(model, accountId);
        return profilePage(
                model,
                expert,
                new ExpertProfileForm(expert.topicIds(), expert.regionIds()),
                FormErrors.none(),
                operator);
    }

    @PostMapping(LIST + "/{accountId}")
    String update(
            CurrentUser user,
            @PathVariable long accountId,
            @Valid ExpertProfileForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        operator(user);
        AssignmentQueries.ExpertLoad expert = expert(model, accountId);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    assignment.updateProfile(user, accountId, form);
                    redirect.addFlashAttribute("notice", "advisory.assignment.profile.saved");
                    return "redirect:" + LIST + "/" + accountId;
                },
                errors -> profilePage(model, expert, form, errors, true));
    }

    private String profilePage(
            Model model,
            AssignmentQueries.ExpertLoad expert,
            ExpertProfileForm form,
            FormErrors errors,
            boolean operator) {
        model.addAttribute("expert", expert);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("operator", operator);
        model.addAttribute("topics", queries.topics());
        model.addAttribute("regions", directory.regions());
        return "advisory/assignment/expert";
    }

    private AssignmentQueries.ExpertLoad expert(Model model, long accountId) {
        int year = year();
        model.addAttribute("year", year);
        return queries.expert(LocaleContextHolder.getLocale(), year, accountId)
                .orElseThrow(() -> new NotFound("advisory expert", accountId));
    }

    private int year() {
        return LocalDate.now(clock.withZone(Formats.ZONE)).getYear();
    }

    private void operator(CurrentUser user) {
        if (!permissions.isOperator(user)) {
            throw new AccessDeniedException("Only the operator manages experts");
        }
    }
}
