package pl.koordes.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;
import pl.koordes.support.TestExtensions;

/**
 * The builder's page and the question form run the same statements for a survey of 3 questions and one of 30
 * (choice questions with options, matrices with rows, conditions); the operator's list the same for 2 and 12
 * surveys. Counted on the request threads only.
 */
@IntegrationTest
@Import(TestExtensions.class)
class BuilderQueryCountIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestExtensions.StatementCounter statements;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theBuilderDoesNotGrowWithItsQuestions() {
        BuilderTesting builder = new BuilderTesting(port, "127.0.24.30", jdbc);
        SignedInClient editor = builder.client();
        long small = survey("Liczona mała", 3);
        long large = survey("Liczona duża", 30);
        try {
            for (String suffix : List.of("", "/pytania/nowe", "/ustawienia")) {
                editor.get("/ankiety/obsluga/" + small + suffix);
                int few = statementsFor(editor, "/ankiety/obsluga/" + small + suffix);
                List<String> fewStatements = statements.statements();
                assertThat(few).as(suffix).isPositive().isLessThanOrEqualTo(10);
                int many = statementsFor(editor, "/ankiety/obsluga/" + large + suffix);
                assertThat(many)
                        .as("%s: %s, then %s", suffix, fewStatements, statements.statements())
                        .isEqualTo(few);
            }
            assertThat(editor.get("/ankiety/obsluga/" + large).body()).contains("Pytanie liczone 30");

            int list = statementsFor(editor, "/ankiety/obsluga");
            long more = survey("Liczona kolejna", 1);
            int longer = statementsFor(editor, "/ankiety/obsluga");
            assertThat(longer).isEqualTo(list);
            builder.delete(List.of(more));
        } finally {
            builder.delete(List.of(small, large));
        }
    }

    /** A survey with two sections and this many questions: every third a choice, every third a matrix. */
    private long survey(String title, int questions) {
        long survey = jdbc.sql("""
                        insert into surveys_survey (title, link_token, created_at, updated_at)
                        values (:title, :token, now(), now()) returning id
                        """)
                .param("title", title)
                .param("token", UUID.randomUUID().toString())
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into surveys_section (survey_id, position, title)
                        values (:s, 1, 'Pierwsza'), (:s, 2, 'Druga')
                        """).param("s", survey).update();
        jdbc.sql("""
                        insert into surveys_question (survey_id, section_id, position, type, text, scale_min_label,
                            scale_max_label)
                        select :s, (select min(id) + (case when n > :n / 2 then 1 else 0 end)
                                    from surveys_section where survey_id = :s),
                               n, case n % 3 when 1 then 'SINGLE_CHOICE' when 2 then 'MATRIX' else 'SHORT_TEXT' end,
                               'Pytanie liczone ' || n, 'nisko', 'wysoko'
                        from generate_series(1, :n) n
                        """).param("s", survey).param("n", questions).update();
        jdbc.sql("""
                        insert into surveys_option (question_id, position, label)
                        select q.id, k, 'Opcja ' || k from surveys_question q, generate_series(1, 3) k
                        where q.survey_id = :s and q.type = 'SINGLE_CHOICE'
                        """).param("s", survey).update();
        jdbc.sql("""
                        insert into surveys_matrix_row (question_id, position, label)
                        select q.id, k, 'Wiersz ' || k from surveys_question q, generate_series(1, 3) k
                        where q.survey_id = :s and q.type = 'MATRIX'
                        """).param("s", survey).update();
        jdbc.sql("""
                        update surveys_question q set condition_option_id =
                            (select min(o.id) from surveys_option o join surveys_question c on c.id = o.question_id
                             where c.survey_id = :s and c.position = 1)
                        where q.survey_id = :s and q.type = 'SHORT_TEXT'
                        """).param("s", survey).update();
        return survey;
    }

    private int statementsFor(SignedInClient client, String path) {
        statements.reset();
        assertThat(client.get(path).statusCode()).isEqualTo(200);
        return statements.pageStatements().size();
    }
}
