package pl.koordes.surveys.web;

import java.time.Clock;
import java.time.Instant;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.surveys.internal.BuilderPage;
import pl.koordes.surveys.internal.BuilderRules;
import pl.koordes.surveys.internal.BuilderSurveys;
import pl.koordes.surveys.internal.SurveyDefinition;
import pl.koordes.surveys.internal.SurveyPermissions;

/**
 * What both builder controllers ({@link BuilderController}, {@link BuilderQuestionsController}) do the same
 * way: refusing anyone but the operator, reading the survey for a page, and running an action button.
 */
@Component
class BuilderPages {

    static final String NOTICE = "notice";

    static final String PROBLEM = "problem";

    private final BuilderSurveys surveys;
    private final BuilderRules rules;
    private final SurveyPermissions permissions;
    private final Clock clock;

    BuilderPages(BuilderSurveys surveys, BuilderRules rules, SurveyPermissions permissions, Clock clock) {
        this.surveys = surveys;
        this.rules = rules;
        this.permissions = permissions;
        this.clock = clock;
    }

    /** Runs an action button's operation and goes back to the builder with its notice, or the reason it was refused. */
    String act(long id, RedirectAttributes redirect, String notice, Runnable operation) {
        try {
            operation.run();
            redirect.addFlashAttribute(NOTICE, notice);
        } catch (Refused refused) {
            redirect.addFlashAttribute(PROBLEM, refused.reasons().getFirst().messageKey());
        }
        return "redirect:" + BuilderController.path(id);
    }

    void operator(CurrentUser user) {
        if (!permissions.isOperator(user)) {
            throw new AccessDeniedException("surveys operator");
        }
    }

    BuilderPage page(long id) {
        SurveyDefinition definition = surveys.definition(id);
        return new BuilderPage(definition, rules.answers(id), Instant.now(clock));
    }
}
