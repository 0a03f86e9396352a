package pl.koordes.surveys.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.surveys.SurveyPhase;
import pl.koordes.surveys.internal.AnsweringRows.Response;

/**
 * The person's list of surveys, apart from {@link AnsweringManagement} because it reads across all published
 * surveys at once (the audience, the person's drafts and answers, results they may see) while the rest of
 * answering works on one survey under its lock.
 */
@Service
public class AnsweringList {

    private final SurveyAudience audience;
    private final SurveyPermissions permissions;
    private final AnsweringRows rows;
    private final JdbcClient jdbc;
    private final Clock clock;

    AnsweringList(
            SurveyAudience audience, SurveyPermissions permissions, AnsweringRows rows, JdbcClient jdbc, Clock clock) {
        this.audience = audience;
        this.permissions = permissions;
        this.rows = rows;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A survey on the person's list. */
    public record Listed(
            Survey survey,
            @Nullable Response response,
            boolean participated,
            boolean results,
            boolean open,
            boolean changes) {

        public boolean submitted() {
            return participated || (response != null && response.submitted());
        }

        public String closesAt() {
            Instant closes = survey.closesAt();
            return closes == null ? "" : Formats.dateTime(closes);
        }

        /** The day the answer was sent, as people read it (31.08.2017); "" when unknown. */
        public String submittedOn() {
            return response == null || response.submittedOn() == null ? "" : Formats.date(response.submittedOn());
        }
    }

    /** The person's list: open surveys they may answer, their drafts and answers, results they may see. */
    @Transactional(readOnly = true)
    public List<Listed> list(CurrentUser user) {
        Instant now = clock.instant();
        List<Survey> published = jdbc.sql("select * from surveys_survey where published order by closes_at desc, id")
                .query(SurveyStore::survey)
                .list();
        Map<Long, Respondent> respondents = audience.respondents(published, user, false);
        Set<Long> institutions = respondents.values().stream()
                .map(Respondent::institutionId)
                .filter(id -> id != null)
                .map(id -> (long) id)
                .collect(Collectors.toSet());
        List<Long> ids = published.stream().map(Survey::id).toList();
        Map<Long, Response> own = new LinkedHashMap<>();
        for (Response response : rows.ownOf(ids, user.id(), institutions)) {
            Respondent respondent = respondents.get(response.surveyId());
            boolean mine = respondent == null
                    ? response.institutionId() == null
                    : (respondent.institutionId() == null
                            ? response.institutionId() == null
                            : respondent.institutionId().equals(response.institutionId()));
            if (mine) {
                own.put(response.surveyId(), response);
            }
        }
        Set<Long> participated = Set.copyOf(rows.participated(user.id()));
        List<Listed> listed = new ArrayList<>();
        for (Survey survey : published) {
            Response response = own.get(survey.id());
            boolean took = participated.contains(survey.id());
            boolean answered = took || (response != null && response.submitted());
            SurveyPhase phase = survey.phase(now);
            boolean results = phase == SurveyPhase.CLOSED && permissions.canSeeResults(survey, user, answered);
            boolean answerable = phase == SurveyPhase.OPEN && respondents.containsKey(survey.id());
            if (answerable || response != null || took || results) {
                listed.add(new Listed(survey, response, took, results, answerable, survey.changesAllowed(now)));
            }
        }
        return listed;
    }
}
