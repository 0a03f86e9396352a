package pl.koordes.surveys.internal;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.surveys.internal.NeedStore.Source;
import pl.koordes.surveys.internal.NeedStore.SurveyChoice;

/** The surveys as the needs' pages name them: a title, the choice in the form, the answer a new need quotes. */
@Component
@Transactional(readOnly = true)
public class NeedSurveys {

    private final JdbcClient jdbc;
    private final NeedStore store;

    NeedSurveys(JdbcClient jdbc, NeedStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /** Every survey, newest first, for the form's choice. */
    public List<SurveyChoice> all() {
        return jdbc.sql("select id, title from surveys_survey order by created_at desc, id desc limit 500")
                .query((rs, n) -> new SurveyChoice(rs.getLong("id"), rs.getString("title")))
                .list();
    }

    public @Nullable SurveyChoice title(long surveyId) {
        return jdbc.sql("select id, title from surveys_survey where id = :id")
                .param("id", surveyId)
                .query((rs, n) -> new SurveyChoice(rs.getLong("id"), rs.getString("title")))
                .optional()
                .orElse(null);
    }

    /** The answer a new need's form names, quoted, or null when it names none. */
    public @Nullable Source source(NeedForm form) {
        if (form.surveyId() == null || form.responseId() == null || form.questionId() == null) {
            return null;
        }
        Optional<Source> answer = store.answer(form.surveyId(), form.responseId(), form.questionId());
        return answer.orElse(null);
    }
}
