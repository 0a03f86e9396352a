package pl.koordes.surveys.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import pl.koordes.directory.InstitutionKind;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.surveys.SurveyAction;
import pl.koordes.surveys.SurveyChanged;
import pl.koordes.surveys.internal.AnswerSheet.AnswerRow;
import pl.koordes.surveys.internal.AnsweringManagement.Saved;
import pl.koordes.surveys.internal.AnsweringRows.Response;

/**
 * Submitting an anonymous answer, apart from {@link AnsweringManagement#save} because it is the one place
 * where an answer is cut from its person: its rows and its audit record must never carry the account.
 * Runs inside the save's transaction, after the save has locked the survey and checked the answers.
 */
@Component
class AnsweringAnonymously {

    private final AnsweringRows rows;
    private final ApplicationEventPublisher events;

    AnsweringAnonymously(AnsweringRows rows, ApplicationEventPublisher events) {
        this.rows = rows;
        this.events = events;
    }

    /**
     * An anonymous answer: the draft (which had the account, so the person could come back to it) is copied
     * into a fresh row without the person and deleted, and the person is recorded as having taken part.
     */
    Saved submit(
            CurrentUser user,
            Survey survey,
            Respondent respondent,
            @Nullable Response draft,
            List<AnswerRow> answers,
            @Nullable Long regionId,
            @Nullable InstitutionKind kind,
            Instant now) {
        if (!rows.participate(survey.id(), user.id())) {
            throw Refused.conflict("surveys.answering.alreadySubmitted");
        }
        if (draft != null) {
            rows.delete(draft.id());
        }
        long id = rows.insertAnonymous(
                survey.id(), respondent.institutionId(), regionId, kind, LocalDate.ofInstant(now, Formats.ZONE));
        rows.replaceAnswers(id, answers, true);
        Map<String, @Nullable Object> after = new LinkedHashMap<>();
        after.put("status", "SUBMITTED");
        events.publishEvent(new SurveyChanged(SurveyAction.SURVEY_ANSWER_SUBMITTED, survey.id(), null, after));
        return Saved.SUBMITTED;
    }
}
