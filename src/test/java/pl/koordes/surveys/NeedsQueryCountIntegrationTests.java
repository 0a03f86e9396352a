package pl.koordes.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * The list runs the same statements with 5 and with 200 needs of a survey, and a need's page the same with 1 and
 * with 20 links and sources: counted on the request threads only.
 */
@IntegrationTest
@Import(TestExtensions.class)
class NeedsQueryCountIntegrationTests {

    private static final String PREFIX = "Liczona potrzeba";

    @LocalServerPort
    int port;

    @Autowired
    TestExtensions.StatementCounter statements;

    @Autowired
    JdbcClient jdbc;

    NeedsTesting testing;

    @BeforeEach
    void setUp() {
        testing = new NeedsTesting(jdbc, port);
    }

    @AfterEach
    void cleanUp() {
        testing.cleanUp(PREFIX);
    }

    @Test
    void theListDoesNotGrowWithItsNeeds() {
        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.28.40");
        long survey = testing.ownSurvey(PREFIX + " ankieta");
        insert(survey, 1, 5);
        String path = "/potrzeby?ankieta=" + survey + "&wojewodztwo=malopolskie";
        editor.get(path);
        int few = statementsFor(editor, path);
        List<String> fewStatements = statements.statements();
        assertThat(few).isPositive().isLessThanOrEqualTo(8);
        insert(survey, 6, 200);
        assertThat(editor.get(path).body()).contains("Zebrano 200 potrzeb");
        assertThat(statementsFor(editor, path))
                .as("%s, then %s", fewStatements, statements.statements())
                .isEqualTo(few);
    }

    @Test
    void aNeedsPageDoesNotGrowWithItsLinksAndSources() {
        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.28.41");
        long need = testing.need(PREFIX + ": strona", testing.survey());
        List<Long> events = jdbc.sql("select id from event where status <> 'DRAFT' order by id limit 20")
                .query(Long.class)
                .list();
        List<Long> responses =
                jdbc.sql("""
                        select r.id from surveys_response r join surveys_survey s on s.id = r.survey_id
                        where s.title = :t and r.status = 'SUBMITTED' order by r.id limit 20""").param("t", NeedsTesting.SURVEY).query(Long.class).list();
        link(need, events.getFirst(), responses.getFirst());
        String path = "/potrzeby/" + need;
        editor.get(path);
        int one = statementsFor(editor, path);
        List<String> oneStatements = statements.statements();
        assertThat(one).isPositive().isLessThanOrEqualTo(10);
        for (int i = 1; i < 20; i++) {
            link(need, i < events.size() ? events.get(i) : 900000L + i, responses.get(i % responses.size()));
        }
        jdbc.sql("insert into surveys_need_link (need_id, kind, target_id, linked_at) values (:n, 'ADVICE', 5, now())")
                .param("n", need)
                .update();
        assertThat(editor.get(path).body()).contains("porada nr 5");
        assertThat(statementsFor(editor, path))
                .as("%s, then %s", oneStatements, statements.statements())
                .isEqualTo(one);
    }

    private void link(long need, long event, long response) {
        jdbc.sql("""
                        insert into surveys_need_link (need_id, kind, target_id, linked_at) values (:n, 'EVENT', :e, now())
                        on conflict do nothing;
                        insert into surveys_need_source (need_id, response_id, question_id)
                        select :n, :r, q.id from surveys_question q where q.survey_id = (select survey_id from surveys_need where id = :n)
                        on conflict do nothing
                        """).param("n", need).param("e", event).param("r", response).update();
    }

    /** Needs of the survey numbered from–to, in three regions and every status, some linked. */
    private void insert(long survey, int from, int to) {
        jdbc.sql("""
                        insert into surveys_need (survey_id, topic, region_id, description, status, created_at, updated_at)
                        select :survey, 'Liczona potrzeba ' || n, (select id from region where slug = 'malopolskie'),
                               'Opis', case n % 3 when 0 then 'OPEN' when 1 then 'PLANNED' else 'ANSWERED' end,
                               now(), now()
                        from generate_series(:from, :to) n""")
                .param("survey", survey)
                .param("from", from)
                .param("to", to)
                .update();
        jdbc.sql("""
                        insert into surveys_need_link (need_id, kind, target_id, linked_at)
                        select id, 'EVENT', id % 7, now() from surveys_need
                        where survey_id = :survey and status <> 'OPEN' on conflict do nothing""").param("survey", survey).update();
    }

    private int statementsFor(SignedInClient client, String path) {
        statements.reset();
        assertThat(client.get(path).statusCode()).isEqualTo(200);
        return statements.pageStatements().size();
    }
}
