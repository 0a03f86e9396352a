package pl.koordes.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.IntegrationTest;
import pl.koordes.surveys.internal.SurveyDefinition;
import pl.koordes.surveys.internal.SurveyStore;

/** A survey's definition comes back whole and in the order respondents see it, from PostgreSQL. */
@IntegrationTest
class SurveyStoreIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SurveyStore store;

    @Test
    void readsSectionsQuestionsOptionsAndRowsInOrder() {
        long survey = jdbc.sql("""
                        insert into surveys_survey (title, link_token, audience_roles, created_at, updated_at)
                        values ('Potrzeby doradcze', :token, '{REGIONAL_COORDINATOR}', now(), now()) returning id
                        """)
                .param("token", UUID.randomUUID().toString())
                .query(Long.class)
                .single();
        long second = section(survey, 2, "Druga");
        long first = section(survey, 1, "Pierwsza");
        long choice = question(first, survey, 1, "SINGLE_CHOICE", "Czy potrzebujesz doradztwa?");
        long yes = option(choice, 1, "Tak");
        option(choice, 2, "Nie");
        long matrix = question(second, survey, 2, "MATRIX", "Oceń tematy");
        question(second, survey, 1, "LONG_TEXT", "Co jeszcze?");
        jdbc.sql(
                        "insert into surveys_matrix_row (question_id, position, label) values (:q, 2, 'Zamówienia'), (:q, 1, 'Reintegracja')")
                .param("q", matrix)
                .update();
        jdbc.sql("update surveys_question set condition_option_id = :o where id = :q")
                .param("o", yes)
                .param("q", matrix)
                .update();

        SurveyDefinition definition = store.definition(survey).orElseThrow();

        assertThat(definition.sections())
                .extracting(SurveyDefinition.Section::title)
                .containsExactly("Pierwsza", "Druga");
        assertThat(definition.questions().map(SurveyDefinition.Question::text))
                .containsExactly("Czy potrzebujesz doradztwa?", "Co jeszcze?", "Oceń tematy");
        SurveyDefinition.Question rated = definition.question(matrix).orElseThrow();
        assertThat(rated.rows())
                .extracting(SurveyDefinition.Choice::label)
                .containsExactly("Reintegracja", "Zamówienia");
        assertThat(rated.conditionOptionId()).isEqualTo(yes);
        assertThat(definition.questionOfOption(yes).orElseThrow().id()).isEqualTo(choice);
        assertThat(definition.question(choice).orElseThrow().options())
                .extracting(SurveyDefinition.Choice::label)
                .containsExactly("Tak", "Nie");
        assertThat(definition.survey().audienceRoles()).extracting(Enum::name).containsExactly("REGIONAL_COORDINATOR");
        assertThat(definition.survey().phase(Instant.now())).isEqualTo(SurveyPhase.DRAFT);
    }

    private long section(long survey, int position, String title) {
        return jdbc.sql("insert into surveys_section (survey_id, position, title) values (:s, :p, :t) returning id")
                .param("s", survey)
                .param("p", position)
                .param("t", title)
                .query(Long.class)
                .single();
    }

    private long question(long section, long survey, int position, String type, String text) {
        return jdbc.sql("""
                        insert into surveys_question (survey_id, section_id, position, type, text)
                        values (:s, :sec, :p, :type, :text) returning id
                        """)
                .param("s", survey)
                .param("sec", section)
                .param("p", position)
                .param("type", type)
                .param("text", text)
                .query(Long.class)
                .single();
    }

    private long option(long question, int position, String label) {
        return jdbc.sql("insert into surveys_option (question_id, position, label) values (:q, :p, :l) returning id")
                .param("q", question)
                .param("p", position)
                .param("l", label)
                .query(Long.class)
                .single();
    }
}
