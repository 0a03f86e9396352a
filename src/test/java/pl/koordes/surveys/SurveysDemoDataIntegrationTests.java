package pl.koordes.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.IntegrationTest;
import pl.koordes.surveys.internal.SurveyDefinition;
import pl.koordes.surveys.internal.SurveyStore;

/** The demo shows what the parts need: a closed survey most regions answered, an open anonymous one, a draft. */
@IntegrationTest
class SurveysDemoDataIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SurveyStore store;

    @Test
    void closedSurveyWasAnsweredByThirteenRegionalCentresWithEveryQuestionType() {
        long id = idOf("Potrzeby doradcze ekonomii społecznej 2026");
        SurveyDefinition definition = store.definition(id).orElseThrow();

        assertThat(definition.survey().phase(Instant.now())).isEqualTo(SurveyPhase.CLOSED);
        assertThat(definition.questions().map(SurveyDefinition.Question::type).distinct())
                .containsExactlyInAnyOrder(QuestionType.values());
        assertThat(definition.questions().filter(SurveyDefinition.Question::conditional))
                .hasSize(1);
        assertThat(jdbc.sql("""
                        select count(distinct r.institution_id) from surveys_response r
                        join institution i on i.id = r.institution_id
                        where r.survey_id = :id and r.status = 'SUBMITTED' and i.kind = 'ROPS'
                        """).param("id", id).query(Integer.class).single()).isEqualTo(13);
    }

    @Test
    void openAnonymousSurveyKeepsNoPersonAndNoDemoAccountHasAnswered() {
        long id = idOf("Potrzeby szkoleniowe na 2027 rok");

        assertThat(store.find(id).orElseThrow().phase(Instant.now())).isEqualTo(SurveyPhase.OPEN);
        assertThat(jdbc.sql("""
                        select count(*) from surveys_response
                        where survey_id = :id and (account_id is not null or submitted_at is not null)
                        """).param("id", id).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from surveys_response where survey_id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isGreaterThan(30);
        assertThat(jdbc.sql("select count(*) from surveys_participation where survey_id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(store.find(idOf("Ocena webinarium (szkic)")).orElseThrow().phase(Instant.now()))
                .isEqualTo(SurveyPhase.DRAFT);
    }

    private long idOf(String title) {
        return jdbc.sql("select id from surveys_survey where title = :title")
                .param("title", title)
                .query(Long.class)
                .single();
    }
}
