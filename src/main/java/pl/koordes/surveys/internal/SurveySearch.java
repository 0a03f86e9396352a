package pl.koordes.surveys.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import pl.koordes.shared.audit.Audited;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.search.AuditedSearchSource;
import pl.koordes.shared.search.SearchAudience;
import pl.koordes.shared.search.SearchEntry;
import pl.koordes.shared.search.SearchIndex;
import pl.koordes.shared.security.Role;
import pl.koordes.surveys.ResponseMode;
import pl.koordes.surveys.SurveyChanged;

/**
 * Published surveys in the search index, as the page where their audience answers them ({@code /ankiety/{id}}),
 * found by exactly the people {@link SurveyAudience} lets answer: the holders of the audience roles (bound to one of
 * the audience regions when the survey lists regions). A survey that cannot be told apart by role and region is not
 * indexed here at all, never for more people: one answered per institution (whether a coordinator's region has its
 * centre, or a central institution's person their institution, is not a role), one whose audience kinds leave out
 * the kind of an audience role (a person holding two roles would be refused by the first), and one reached only
 * through its link (the link is a secret). Drafts are not indexed. The results page is {@link Results}.
 */
@Component
class SurveySearch extends AuditedSearchSource {

    static final String SOURCE = "survey";

    /** Published surveys with the texts of their sections and questions, which both pages show. */
    static final String SURVEYS = """
            select s.*,
                (select string_agg(sec.title || coalesce(E'\\n' || nullif(sec.description, ''), ''), E'\\n'
                        order by sec.position) from surveys_section sec where sec.survey_id = s.id) as sections,
                (select string_agg(q.text, E'\\n' order by q.section_id, q.position)
                 from surveys_question q where q.survey_id = s.id) as questions
            from surveys_survey s
            where s.published and s.id > :after and (cast(:id as bigint) is null or s.id = :id)
            order by s.id limit :limit
            """;

    SurveySearch(JdbcClient jdbc, SearchIndex index) {
        super(jdbc, index, SOURCE, "survey", SURVEYS);
    }

    @Override
    protected @Nullable SearchEntry entry(ResultSet rs) throws SQLException {
        Survey survey = SurveyStore.survey(rs, 0);
        Set<String> audience = respondents(survey);
        return audience.isEmpty() ? null : entry(SOURCE, "survey", survey, survey.href(), audience, rs);
    }

    /** Answers, mailings and downloads change nothing the entries hold: only the survey's own changes refresh it. */
    @Override
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    public void changed(Audited change) {
        if (refreshes(change)) {
            super.changed(change);
        }
    }

    static boolean refreshes(Audited change) {
        return change instanceof SurveyChanged survey
                && switch (survey.action()) {
                    case SURVEY_ANSWER_SAVED,
                            SURVEY_ANSWER_SUBMITTED,
                            SURVEY_ANSWER_CHANGED,
                            SURVEY_INVITATIONS_SENT,
                            SURVEY_REMINDERS_SENT,
                            SURVEY_RESULTS_EXPORTED -> false;
                    default -> true;
                };
    }

    /** The tokens of exactly those who may open the survey's answer page, or none when that cannot be said. */
    static Set<String> respondents(Survey survey) {
        Set<String> tokens = new LinkedHashSet<>();
        if (survey.responseMode() != ResponseMode.PERSON) {
            return tokens;
        }
        for (Role role : survey.audienceRoles()) {
            var kind = SurveyAudience.kindOf(role);
            if (kind != null
                    && !survey.audienceKinds().isEmpty()
                    && !survey.audienceKinds().contains(kind)) {
                return Set.of();
            }
        }
        for (Role role : survey.audienceRoles()) {
            if (role.regional() && !survey.audienceRegions().isEmpty()) {
                survey.audienceRegions().forEach(region -> tokens.add(SearchAudience.roleBoundTo(role, region)));
            } else {
                tokens.add(SearchAudience.role(role));
            }
        }
        return tokens;
    }

    static SearchEntry entry(String source, String kind, Survey survey, String url, Set<String> audience, ResultSet rs)
            throws SQLException {
        StringBuilder body = new StringBuilder(survey.description());
        for (String column : new String[] {"sections", "questions"}) {
            String text = rs.getString(column);
            if (text != null) {
                body.append('\n').append(text);
            }
        }
        return new SearchEntry(
                source,
                String.valueOf(survey.id()),
                kind,
                survey.audienceRegions().size() == 1 ? survey.audienceRegions().get(0) : null,
                survey.opensAt() == null
                        ? null
                        : survey.opensAt().atZone(Formats.ZONE).getYear(),
                survey.title(),
                body.toString().strip(),
                url,
                audience);
    }

    /**
     * The results pages of published surveys ({@code /ankiety/{id}/wyniki}, {@link SurveyPermissions#canSeeResults}):
     * public results for everyone; results for the operator or for those who answered, for the operator (editors and
     * administrators) only, as whether someone answered is not a role (those who answered reach the results from
     * their answer). The operator's view of drafts is not indexed.
     */
    @Component
    static class Results extends AuditedSearchSource {

        static final String SOURCE = "survey-results";

        private static final Set<String> OPERATORS =
                Set.of(SearchAudience.role(Role.EDITOR), SearchAudience.role(Role.ADMINISTRATOR));

        Results(JdbcClient jdbc, SearchIndex index) {
            super(jdbc, index, SOURCE, "survey", SURVEYS);
        }

        @Override
        protected SearchEntry entry(ResultSet rs) throws SQLException {
            Survey survey = SurveyStore.survey(rs, 0);
            Set<String> audience = switch (survey.resultsVisibility()) {
                case PUBLIC -> Set.of(SearchAudience.PUBLIC);
                case RESPONDENTS, OPERATORS -> OPERATORS;
            };
            return SurveySearch.entry(SOURCE, SOURCE, survey, survey.href() + "/wyniki", audience, rs);
        }

        @Override
        @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
        public void changed(Audited change) {
            if (refreshes(change)) {
                super.changed(change);
            }
        }
    }
}
