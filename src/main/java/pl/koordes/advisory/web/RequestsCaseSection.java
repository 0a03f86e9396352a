package pl.koordes.advisory.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import pl.koordes.advisory.AdvisoryStatus;
import pl.koordes.advisory.internal.AdvisoryCase;
import pl.koordes.advisory.internal.AdvisoryPermissions;
import pl.koordes.advisory.internal.AdvisoryRequest;
import pl.koordes.advisory.internal.RatingForm;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.PageFactory;
import pl.koordes.surveys.NeedLinkKind;
import pl.koordes.surveys.NeedReference;
import pl.koordes.surveys.Needs;

/**
 * The request's part of a case's page: the need it answers, the region's actions while it waits (edit,
 * withdraw), and the rating — the coordinator's form once the case is completed, the rating afterwards for
 * everyone who sees the case.
 */
@Component
class RequestsCaseSection implements CaseSection {

    /** Request attributes carrying the rating form as typed and its errors, when it comes back refused. */
    static final String FORM = RequestsCaseSection.class.getName() + ".form";

    static final String ERRORS = RequestsCaseSection.class.getName() + ".errors";

    private final AdvisoryPermissions permissions;
    private final Needs needs;
    private final PageFactory pages;
    private final TemplateEngine templates;

    RequestsCaseSection(AdvisoryPermissions permissions, Needs needs, PageFactory pages, TemplateEngine templates) {
        this.permissions = permissions;
        this.needs = needs;
        this.pages = pages;
        this.templates = templates;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Content> render(AdvisoryCase advisoryCase, CurrentUser user, HttpServletRequest request) {
        AdvisoryRequest advisory = advisoryCase.request();
        boolean waiting = advisory.status() == AdvisoryStatus.SUBMITTED;
        boolean changes = waiting && permissions.actsForRegion(user, advisory.regionId());
        boolean rates = advisory.status() == AdvisoryStatus.COMPLETED
                && advisory.rating() == null
                && permissions.canRate(user, advisory.regionId());
        List<NeedReference> answered =
                advisory.needId() == null ? List.of() : needs.needsAnsweredBy(NeedLinkKind.ADVICE, advisory.id());
        if (!changes && !rates && advisory.rating() == null && answered.isEmpty()) {
            return Optional.empty();
        }
        Object typed = request.getAttribute(FORM);
        Object errors = request.getAttribute(ERRORS);
        Map<String, Object> model = new HashMap<>();
        model.put("page", pages.of(request));
        model.put("advisoryCase", advisoryCase);
        model.put("needs", answered);
        // The needs' pages are for the programme's staff; others see the topic only.
        model.put(
                "needLinks",
                permissions.isOperator(user)
                        || user.has(Role.REGIONAL_COORDINATOR)
                        || user.has(Role.COMMITTEE_MEMBER)
                        || user.has(Role.EXPERT));
        model.put("changes", changes);
        model.put("rates", rates);
        model.put("form", typed instanceof RatingForm form ? form : RatingForm.empty());
        model.put("errors", errors instanceof FormErrors found ? found : FormErrors.none());
        return Optional.of(output -> templates.render("advisory/requests/section.jte", model, output));
    }
}
