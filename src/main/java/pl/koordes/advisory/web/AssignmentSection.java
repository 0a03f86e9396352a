package pl.koordes.advisory.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import pl.koordes.advisory.AdvisoryStatus;
import pl.koordes.advisory.internal.AdvisoryCase;
import pl.koordes.advisory.internal.AdvisoryPermissions;
import pl.koordes.advisory.internal.AssignmentQueries;
import pl.koordes.advisory.internal.DecisionForm;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.PageFactory;

/**
 * "Decyzja i eksperci" on a case's page, for the operator only: the decision form while the request waits,
 * the experts with their remove links and the way to assign more, the limit of hours with its form, and the
 * sessions waiting for consent with grant and refuse buttons. Others see nothing here: the page's facts
 * already give them the experts and the limit.
 */
@Component
class AssignmentSection implements CaseSection {

    private final AdvisoryPermissions permissions;
    private final AssignmentQueries queries;
    private final PageFactory pages;
    private final TemplateEngine templates;

    AssignmentSection(
            AdvisoryPermissions permissions, AssignmentQueries queries, PageFactory pages, TemplateEngine templates) {
        this.permissions = permissions;
        this.queries = queries;
        this.pages = pages;
        this.templates = templates;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<Content> render(AdvisoryCase advisoryCase, CurrentUser user, HttpServletRequest request) {
        if (!permissions.isOperator(user)) {
            return Optional.empty();
        }
        AdvisoryStatus status = advisoryCase.request().status();
        boolean accepted = status != AdvisoryStatus.SUBMITTED
                && status != AdvisoryStatus.DECLINED
                && status != AdvisoryStatus.WITHDRAWN;
        Map<String, Object> model = new HashMap<>();
        model.put("page", pages.of(request));
        model.put("advisoryCase", advisoryCase);
        model.put("form", DecisionForm.empty());
        model.put("errors", FormErrors.none());
        model.put(
                "counted",
                accepted ? queries.countedHours(advisoryCase.request().id()) : BigDecimal.ZERO);
        model.put("pending", accepted ? queries.pending(advisoryCase.request().id()) : List.of());
        return Optional.of(output -> templates.render("advisory/assignment/section.jte", model, output));
    }
}
