package pl.koordes.surveys.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.surveys.internal.SurveyDefinition.Question;

/**
 * The statements the builder's classes share ({@link BuilderSurveys}, {@link BuilderSections},
 * {@link BuilderQuestions}): locking a survey, bumping its row version, inserting sections, questions and
 * options (a copy inserts the same rows as the builder does). Called inside their transactions, so it has
 * none of its own.
 */
@Component
class BuilderWrites {

    private final JdbcClient jdbc;
    private final SurveyStore store;
    private final Clock clock;

    BuilderWrites(JdbcClient jdbc, SurveyStore store, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.clock = clock;
    }

    /** Locks the survey's row: concurrent changes of one survey wait for each other. */
    Survey locked(long surveyId) {
        return store.lock(surveyId).orElseThrow(() -> new NotFound("survey", surveyId));
    }

    void touch(long surveyId) {
        jdbc.sql("update surveys_survey set row_version = row_version + 1, updated_at = :now where id = :id")
                .param("now", Timestamp.from(Instant.now(clock)))
                .param("id", surveyId)
                .update();
    }

    /** The survey as it is now (after a change: the audit line's values); not found for an unknown id. */
    Survey survey(long surveyId) {
        return store.find(surveyId).orElseThrow(() -> new NotFound("survey", surveyId));
    }

    long insertSection(long surveyId, int position, String title, String description) {
        return jdbc.sql("""
                        insert into surveys_section (survey_id, position, title, description)
                        values (:survey, :position, :title, :description) returning id
                        """)
                .param("survey", surveyId)
                .param("position", position)
                .param("title", title)
                .param("description", description)
                .query(Long.class)
                .single();
    }

    /** A copy of a question (without its condition, set once its options are copied too). */
    long insertQuestion(long surveyId, long sectionId, int position, Question question) {
        return jdbc.sql("""
                        insert into surveys_question (survey_id, section_id, position, type, text, help, required,
                            other_option, scale_min_label, scale_max_label)
                        values (:survey, :section, :position, :type, :text, :help, :required, :other, :low, :high)
                        returning id
                        """)
                .param("survey", surveyId)
                .param("section", sectionId)
                .param("position", position)
                .param("type", question.type().name())
                .param("text", question.text())
                .param("help", question.help())
                .param("required", question.required())
                .param("other", question.otherOption())
                .param("low", question.scaleMinLabel())
                .param("high", question.scaleMaxLabel())
                .query(Long.class)
                .single();
    }

    long insertChoice(String table, long questionId, int position, String label) {
        return jdbc.sql("insert into " + table + " (question_id, position, label) values (:q, :position, :label)"
                        + " returning id")
                .param("q", questionId)
                .param("position", position)
                .param("label", label)
                .query(Long.class)
                .single();
    }

    static String fingerprint(String text) {
        return Integer.toHexString(text.hashCode());
    }

    /** A PostgreSQL array literal of plain values (enum names, numbers: nothing to quote). */
    static String arrayLiteral(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }
}
