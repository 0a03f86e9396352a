package pl.koordes.surveys.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.surveys.ResultsVisibility;

/**
 * Who may do what with surveys and needs; one place for every controller and template of the module
 * (the audience of one survey is {@link SurveyAudience}'s). A null user is a visitor.
 *
 * <ul>
 *   <li>The operator (editors, administrators) builds, publishes and closes surveys, sees every result and
 *       export, and records needs and what answered them.
 *   <li>Results are public, for those who answered, or for the operator only, as the editor chose.
 * </ul>
 */
@Component
public class SurveyPermissions {

    /** Operators: build, publish, close, export, needs. */
    public boolean isOperator(@Nullable CurrentUser user) {
        return user != null && (user.has(Role.EDITOR) || user.has(Role.ADMINISTRATOR));
    }

    /**
     * Whether the visitor sees the survey's results.
     *
     * @param answered whether the visitor (or their institution) has submitted an answer
     */
    public boolean canSeeResults(Survey survey, @Nullable CurrentUser user, boolean answered) {
        if (isOperator(user)) {
            return true;
        }
        if (!survey.published()) {
            return false;
        }
        return switch (survey.resultsVisibility()) {
            case PUBLIC -> true;
            case RESPONDENTS -> user != null && answered;
            case OPERATORS -> false;
        };
    }

    /**
     * Needs: who reads the list and the needs' pages. Signed-in staff of the programme — coordinators of every
     * region (needs are the programme-wide plan), committee members, experts, central institutions and the
     * operator; not anonymous visitors nor plain participants. Only the operator changes them.
     */
    public boolean canSeeNeeds(@Nullable CurrentUser user) {
        return user != null
                && (user.has(Role.REGIONAL_COORDINATOR)
                        || user.has(Role.COMMITTEE_MEMBER)
                        || user.has(Role.EXPERT)
                        || user.has(Role.CENTRAL_INSTITUTION)
                        || isOperator(user));
    }

    /** Whether a need's page quotes an answer of this survey: the operator's, or public results. */
    public boolean canSeeNeedSources(boolean published, ResultsVisibility visibility, @Nullable CurrentUser user) {
        return isOperator(user) || (published && visibility == ResultsVisibility.PUBLIC);
    }
}
