package pl.koordes.surveys;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.audit.AuditAction;
import pl.koordes.shared.audit.Audited;

/**
 * Something happened to a survey (its settings, structure, answers or mailings); published in the
 * transaction of the change. It is an audit line, and listeners after commit evict cached public pages.
 * An anonymous survey's answer events carry no respondent in their values (the audit line still names
 * the actor, who is signed in; anonymity concerns the stored answer, see docs/surveys.md).
 *
 * @param action what happened
 * @param surveyId the survey
 * @param before the values before the change, or null when it was created
 * @param after the values after the change, or null when it was deleted
 */
public record SurveyChanged(
        SurveyAction action,
        long surveyId,
        @Nullable Map<String, @Nullable Object> before,
        @Nullable Map<String, @Nullable Object> after)
        implements Audited {

    public SurveyChanged {
        before = Audited.copyOf(before);
        after = Audited.copyOf(after);
    }

    @Override
    public AuditAction auditAction() {
        return action;
    }

    @Override
    public String auditTargetType() {
        return "survey";
    }

    @Override
    public Object auditTargetId() {
        return surveyId;
    }

    @Override
    public @Nullable Map<String, ?> auditBefore() {
        return before;
    }

    @Override
    public @Nullable Map<String, ?> auditAfter() {
        return after;
    }
}
