package pl.koordes.advisory.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.advisory.AdvisoryStatus;
import pl.koordes.advisory.internal.AdvisoryCase;
import pl.koordes.advisory.internal.AdvisoryPermissions;
import pl.koordes.advisory.internal.AdvisoryRequest;
import pl.koordes.advisory.internal.AdvisoryStore;
import pl.koordes.advisory.internal.RatingForm;
import pl.koordes.advisory.internal.RequestForm;
import pl.koordes.advisory.internal.RequestManagement;
import pl.koordes.advisory.internal.RequestWithdrawalForm;
import pl.koordes.advisory.internal.RequestsQueries;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;
import pl.koordes.shared.web.HeaderLink;
import pl.koordes.surveys.Needs;

/**
 * Requests: the person's list of cases with filters and counts per status, the form asking for advice (also
 * prefilled from a surveys' need), editing and withdrawing a request while it waits, and the coordinator's
 * rating of a completed case (the form is {@link RequestsCaseSection} on the case's page).
 */
@Controller
class RequestsController {

    @Bean
    static HeaderLink advisoryHeaderLink(AdvisoryPermissions permissions) {
        return HeaderLink.to(LIST, "advisory.nav", 46, permissions::hasCases);
    }

    static final String LIST = "/doradztwo";

    /** How many cases a page of the list holds. */
    static final int PAGE_SIZE = 20;

    private final AdvisoryStore store;
    private final AdvisoryPermissions permissions;
    private final RequestManagement requests;
    private final RequestsQueries queries;
    private final Directory directory;
    private final Needs needs;
    private final CaseController cases;

    RequestsController(
            AdvisoryStore store,
            AdvisoryPermissions permissions,
            RequestManagement requests,
            RequestsQueries queries,
            Directory directory,
            Needs needs,
            CaseController cases) {
        this.store = store;
        this.permissions = permissions;
        this.requests = requests;
        this.queries = queries;
        this.directory = directory;
        this.needs = needs;
        this.cases = cases;
    }

    @GetMapping(LIST)
    String list(
            CurrentUser user, @RequestParam Map<String, String> parameters, Model model, HttpServletResponse response) {
        if (!permissions.hasCases(user)) {
            if (user.has(Role.CENTRAL_INSTITUTION)) {
                // Central institutions read the figures, never a case: tell them where the figures are.
                response.setStatus(HttpStatus.FORBIDDEN.value());
                return "advisory/requests/aggregatesOnly";
            }
            throw new AccessDeniedException("Advisory cases are for the regions, the experts and the operator");
        }
        boolean operator = permissions.isOperator(user);
        List<Region> regions = directory.regions();
        Set<Long> ownRegions = Stream.concat(
                        user.regionsOf(Role.REGIONAL_COORDINATOR).stream(),
                        user.regionsOf(Role.COMMITTEE_MEMBER).stream())
                .collect(Collectors.toSet());
        List<Region> shownRegions = operator
                ? regions
                : regions.stream().filter(r -> ownRegions.contains(r.id())).toList();
        List<RequestManagement.Topic> topics = queries.topics();
        RequestsQuery query = RequestsQuery.of(parameters)
                .known(regions, topics.stream().map(RequestManagement.Topic::id).collect(Collectors.toSet()), operator);
        RequestsQueries.Filter filter =
                query.filter(operator, ownRegions, user.has(Role.EXPERT) ? user.id() : null, regions);
        Map<AdvisoryStatus, Long> counts = queries.counts(filter);
        AdvisoryStatus status = query.chosenStatus();
        long total = status == null
                ? counts.values().stream().mapToLong(Long::longValue).sum()
                : counts.get(status);
        model.addAttribute("list", queries.page(filter, total, query.page(), PAGE_SIZE));
        model.addAttribute("counts", counts);
        model.addAttribute("query", query);
        model.addAttribute("regions", shownRegions);
        model.addAttribute("topics", topics);
        model.addAttribute("experts", operator ? queries.experts() : List.of());
        model.addAttribute("operator", operator);
        model.addAttribute("mayRequest", permissions.canRequest(user));
        return "advisory/requests/list";
    }

    @GetMapping(LIST + "/nowy")
    String newRequest(
            CurrentUser user, @RequestParam(name = "potrzeba", required = false) @Nullable Long needId, Model model) {
        List<Region> regions = requester(user);
        RequestForm form =
                RequestForm.empty(regions.size() == 1 ? regions.getFirst().id() : null);
        if (needId != null) {
            Needs.NeedDetails need = needs.details(needId).orElseThrow(() -> new NotFound("need", needId));
            Long needRegion = need.reference().regionId();
            boolean ours = needRegion != null && regions.stream().anyMatch(r -> r.id() == needRegion);
            form = RequestForm.fromNeed(
                    needId, need.reference().topic(), need.description(), ours ? needRegion : form.regionId());
        }
        return form(model, user, null, form, FormErrors.none());
    }

    @PostMapping(LIST + "/nowy")
    String create(
            CurrentUser user,
            @Valid RequestForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        requester(user);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    long id = requests.create(user, form);
                    redirect.addFlashAttribute("notice", "advisory.requests.created");
                    return "redirect:" + AdvisoryRequest.path(id);
                },
                errors -> form(model, user, null, form, errors));
    }

    @GetMapping(LIST + "/{id}/edycja")
    String edit(CurrentUser user, @PathVariable long id, Model model) {
        AdvisoryCase found = editable(user, id);
        return form(model, user, found, RequestForm.of(found.request()), FormErrors.none());
    }

    @PostMapping(LIST + "/{id}/edycja")
    String update(
            CurrentUser user,
            @PathVariable long id,
            @Valid RequestForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        AdvisoryCase found = editable(user, id);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    requests.update(user, id, form);
                    redirect.addFlashAttribute("notice", "advisory.requests.saved");
                    return "redirect:" + AdvisoryRequest.path(id);
                },
                errors -> {
                    if (errors.global().contains("advisory.requests.stale")) {
                        // The typed text stays; the form now carries the version read again, so that saving
                        // once more (after comparing with the case) replaces the other change knowingly.
                        AdvisoryCase current = CaseController.visibleCase(store, permissions, user, id);
                        return form(model, user, current, withVersion(form, current.request()), errors);
                    }
                    return form(model, user, found, form, errors);
                });
    }

    @GetMapping(LIST + "/{id}/wycofaj")
    String confirmWithdraw(CurrentUser user, @PathVariable long id, Model model) {
        AdvisoryCase found = withdrawable(user, id);
        return withdrawPage(model, found, new RequestWithdrawalForm(""), FormErrors.none());
    }

    @PostMapping(LIST + "/{id}/wycofaj")
    String withdraw(
            CurrentUser user,
            @PathVariable long id,
            @Valid RequestWithdrawalForm form,
            BindingResult result,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        AdvisoryCase found = withdrawable(user, id);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + AdvisoryRequest.path(id) + "/wycofaj";
        }
        if (found.request().status() != AdvisoryStatus.SUBMITTED) {
            // Withdrawn, decided or completed meanwhile: the question again, saying why it cannot be done.
            response.setStatus(HttpStatus.CONFLICT.value());
            return withdrawPage(model, found, form, FormErrors.none());
        }
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    requests.withdraw(user, id, form.reasonText());
                    redirect.addFlashAttribute("notice", "advisory.requests.withdrawn");
                    return "redirect:" + AdvisoryRequest.path(id);
                },
                errors -> withdrawPage(model, found, form, errors));
    }

    @PostMapping(LIST + "/{id}/ocena")
    String rate(
            CurrentUser user,
            @PathVariable long id,
            @Valid RatingForm form,
            BindingResult result,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        AdvisoryCase found = CaseController.visibleCase(store, permissions, user, id);
        if (!permissions.canRate(user, found.request().regionId())) {
            throw new AccessDeniedException("Only the region's coordinator rates");
        }
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    requests.rate(user, id, form);
                    redirect.addFlashAttribute("notice", "advisory.requests.rated");
                    return "redirect:" + AdvisoryRequest.path(id) + "#ocena";
                },
                errors -> {
                    // The case's page again, its rating section showing the form as typed with the errors.
                    request.setAttribute(RequestsCaseSection.FORM, form);
                    request.setAttribute(RequestsCaseSection.ERRORS, errors);
                    return cases.advisoryCase(user, id, request, model);
                });
    }

    private String form(
            Model model, CurrentUser user, @Nullable AdvisoryCase existing, RequestForm form, FormErrors errors) {
        model.addAttribute("existing", existing);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "topics",
                requests.activeTopics(
                        existing == null ? null : existing.request().topicId()));
        model.addAttribute("regions", requests.requestableRegions(user));
        Long needId = existing == null ? form.needId() : existing.request().needId();
        model.addAttribute("need", needId == null ? null : needs.details(needId).orElse(null));
        return "advisory/requests/form";
    }

    private String withdrawPage(Model model, AdvisoryCase found, RequestWithdrawalForm form, FormErrors errors) {
        model.addAttribute("advisoryCase", found);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("allowed", found.request().status() == AdvisoryStatus.SUBMITTED);
        return "advisory/requests/withdraw";
    }

    private static RequestForm withVersion(RequestForm form, AdvisoryRequest current) {
        return new RequestForm(
                form.topicId(),
                form.title(),
                form.description(),
                form.kind(),
                form.mode(),
                form.preferredDates(),
                form.peopleConcerned(),
                form.regionId(),
                form.needId(),
                current.rowVersion());
    }

    /** The regions this person may ask for; 403 for anyone who may not ask at all. */
    private List<Region> requester(CurrentUser user) {
        if (!permissions.canRequest(user)) {
            throw new AccessDeniedException("Only a region's staff or the operator asks for advice");
        }
        return requests.requestableRegions(user);
    }

    /** A case the person may see (else 404), theirs to change (else 403); the status is checked on saving. */
    private AdvisoryCase changeable(CurrentUser user, long id) {
        AdvisoryCase found = CaseController.visibleCase(store, permissions, user, id);
        if (!permissions.actsForRegion(user, found.request().regionId())) {
            throw new AccessDeniedException("Only the region or the operator changes a request");
        }
        return found;
    }

    private AdvisoryCase editable(CurrentUser user, long id) {
        AdvisoryCase found = changeable(user, id);
        if (found.request().status() != AdvisoryStatus.SUBMITTED) {
            throw Refused.conflict("advisory.requests.notSubmitted");
        }
        return found;
    }

    private AdvisoryCase withdrawable(CurrentUser user, long id) {
        return changeable(user, id);
    }
}
