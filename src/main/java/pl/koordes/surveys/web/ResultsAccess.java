package pl.koordes.surveys.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.surveys.ResponseMode;
import pl.koordes.surveys.ResultsVisibility;
import pl.koordes.surveys.internal.ResultsRates;
import pl.koordes.surveys.internal.Survey;
import pl.koordes.surveys.internal.SurveyAudience;
import pl.koordes.surveys.internal.SurveyPermissions;
import pl.koordes.surveys.internal.SurveyStore;

/**
 * Who may see a survey's results, shared by the results page, the typed answers and the downloads so that all
 * three refuse the same people in the same way ({@link SurveyPermissions#canSeeResults}).
 */
@Component
class ResultsAccess {

    private final SurveyStore store;
    private final ResultsRates rates;
    private final SurveyPermissions permissions;
    private final SurveyAudience audience;

    ResultsAccess(SurveyStore store, ResultsRates rates, SurveyPermissions permissions, SurveyAudience audience) {
        this.store = store;
        this.rates = rates;
        this.permissions = permissions;
        this.audience = audience;
    }

    /**
     * The survey, when this visitor may see its results: a survey not yet published is not there but for the
     * operator (404); results the visitor may not see are refused (403, or the sign-in page for a visitor).
     */
    Survey visible(long id, @Nullable CurrentUser user) {
        Survey survey = store.find(id).orElseThrow(() -> new NotFound("survey", id));
        boolean operator = permissions.isOperator(user);
        if (!survey.published() && !operator) {
            throw new NotFound("survey", id);
        }
        boolean answered = false;
        if (!operator && user != null && survey.resultsVisibility() == ResultsVisibility.RESPONDENTS) {
            answered = answered(survey, user);
        }
        if (!permissions.canSeeResults(survey, user, answered)) {
            throw new AccessDeniedException("survey results");
        }
        return survey;
    }

    /** Whether the person (answered per person) or an institution they answer for has submitted an answer. */
    private boolean answered(Survey survey, CurrentUser user) {
        if (survey.responseMode() == ResponseMode.PERSON) {
            return rates.personAnswered(survey.id(), user.id());
        }
        Long institution = audience.respondent(survey, user, false)
                .map(r -> r.institutionId())
                .orElse(null);
        return institution != null && rates.institutionAnswered(survey.id(), institution);
    }

    /** Whether this person is the operator, who sees results of surveys not yet published too. */
    boolean operator(@Nullable CurrentUser user) {
        return permissions.isOperator(user);
    }
}
