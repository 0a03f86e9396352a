package pl.koordes.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;
import pl.koordes.support.TestExtensions;

/**
 * The form runs the same statements for a survey of a few questions and one of thirty more, with a draft
 * holding an answer to each (counted on the request threads only); so does the list of surveys.
 */
@IntegrationTest
@Import(TestExtensions.class)
class AnsweringQueryCountIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestExtensions.StatementCounter statements;

    @Autowired
    JdbcClient jdbc;

    private final List<Long> made = new ArrayList<>();

    @AfterEach
    void removeWhatWasMade() {
        made.forEach(id -> AnsweringTesting.delete(jdbc, id));
    }

    private int statementsFor(SignedInClient client, String path) {
        statements.reset();
        assertThat(client.get(path).statusCode()).isEqualTo(200);
        return statements.pageStatements().size();
    }

    @Test
    void theFormDoesNotGrowWithItsQuestions() {
        long small = AnsweringTesting.textSurvey(jdbc, AnsweringTesting.unique("Mała ankieta"), 0);
        long large = AnsweringTesting.textSurvey(jdbc, AnsweringTesting.unique("Duża ankieta"), 30);
        made.add(small);
        made.add(large);
        SignedInClient participant = AnsweringTesting.signedIn(jdbc, port, DemoAccounts.PARTICIPANT, "127.0.25.50");
        for (long survey : List.of(small, large)) {
            participant.get("/ankiety/" + survey);
            List<String> pairs = new ArrayList<>(List.of("akcja", "zapisz"));
            jdbc.sql("select id, type from surveys_question where survey_id = :s")
                    .param("s", survey)
                    .query(rs -> {
                        if (rs.getString("type").equals("LONG_TEXT")) {
                            pairs.addAll(List.of("q" + rs.getLong("id"), "Tekst"));
                        }
                    });
            assertThat(participant
                            .post("/ankiety/" + survey, AnsweringTesting.pairs(pairs))
                            .statusCode())
                    .isEqualTo(302);
        }
        participant.get("/ankiety/" + small);
        int few = statementsFor(participant, "/ankiety/" + small);
        List<String> fewStatements = statements.pageStatements();
        assertThat(few).isPositive().isLessThanOrEqualTo(12);
        int many = statementsFor(participant, "/ankiety/" + large);
        assertThat(many)
                .as("%s, then %s", fewStatements, statements.pageStatements())
                .isEqualTo(few);

        int list = statementsFor(participant, "/ankiety");
        List<String> listStatements = statements.pageStatements();
        made.add(AnsweringTesting.textSurvey(jdbc, AnsweringTesting.unique("Trzecia ankieta"), 2));
        made.add(AnsweringTesting.textSurvey(jdbc, AnsweringTesting.unique("Czwarta ankieta"), 2));
        assertThat(statementsFor(participant, "/ankiety"))
                .as("%s, then %s", listStatements, statements.pageStatements())
                .isEqualTo(list);
    }
}
