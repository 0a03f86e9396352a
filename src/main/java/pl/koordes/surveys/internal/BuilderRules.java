package pl.koordes.surveys.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.surveys.internal.SurveyDefinition.Choice;

/**
 * Editing a survey that has answers (any response, draft or submitted): what would make stored answers mean
 * something else or lose them is refused — changing a question's type, removing a question or a section with
 * questions, removing an option or matrix row that has answers, dropping "inna (jaka?)" that was used, and
 * switching anonymity or the response mode. Correcting texts and labels and adding options, rows, questions
 * and sections stay allowed (a new required question does not make submitted answers invalid: they were
 * complete when sent). Published surveys stay editable under the same rules. This class answers whether
 * answers exist and which were given; {@link BuilderSurveys}, {@link BuilderSections} and
 * {@link BuilderQuestions} apply the rules.
 */
@Service
public class BuilderRules {

    /** How many responses a survey has: submitted ones count in the results, drafts are being written. */
    public record Answers(int submitted, int drafts) {

        public boolean any() {
            return submitted > 0 || drafts > 0;
        }
    }

    private final JdbcClient jdbc;

    BuilderRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Answers answers(long surveyId) {
        return jdbc.sql("""
                        select count(*) filter (where status = 'SUBMITTED') as submitted,
                               count(*) filter (where status = 'DRAFT') as drafts
                        from surveys_response where survey_id = :id
                        """)
                .param("id", surveyId)
                .query((rs, n) -> new Answers(rs.getInt("submitted"), rs.getInt("drafts")))
                .single();
    }

    /** Whether any answer (draft or submitted) chose one of these options or rated one of these rows. */
    boolean used(String column, List<Choice> choices) {
        if (choices.isEmpty()) {
            return false;
        }
        return jdbc.sql("select exists (select 1 from surveys_answer where " + column + " = any(:ids::bigint[]))")
                .param(
                        "ids",
                        BuilderWrites.arrayLiteral(choices.stream()
                                .map(c -> String.valueOf(c.id()))
                                .toList()))
                .query(Boolean.class)
                .single();
    }

    boolean otherUsed(long questionId) {
        return jdbc.sql("""
                        select exists (select 1 from surveys_answer
                                       where question_id = :q and option_id is null and text_value is not null)
                        """).param("q", questionId).query(Boolean.class).single();
    }
}
