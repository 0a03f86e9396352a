package pl.koordes.postulates;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The operator's queue, the institution's inbox and a page with an answer run the same statements with
 * twelve more submitted and forwarded postulates (and more answer versions) as without them.
 */
@IntegrationTest
@Import(TestExtensions.class)
class AnswersQueryCountIntegrationTests {

    private static final String TITLE = "Postulat liczenia zapytań ";

    @LocalServerPort
    int port;

    @Autowired
    TestExtensions.StatementCounter statements;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeAdded() {
        jdbc.sql("delete from postulates_postulate where title like :t")
                .param("t", TITLE + "%")
                .update();
    }

    @Test
    void theQueueTheInboxAndTheAnswerRunTheSameStatementsWithMoreData() {
        long answered = jdbc.sql("select min(postulate_id) from postulates_answer where correction")
                .query(Long.class)
                .single();
        SignedInClient editor = new SignedInClient(port, "127.0.19.1");
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, DemoAccounts.TOTP_SECRET);
        SignedInClient ministry = new SignedInClient(port, "127.0.19.2");
        jdbc.sql("update account set totp_last_step = null where email = :e")
                .param("e", DemoAccounts.CENTRAL_INSTITUTION)
                .update();
        ministry.signInFully(DemoAccounts.CENTRAL_INSTITUTION, DemoAccounts.PASSWORD, DemoAccounts.TOTP_SECRET);
        // The first page after signing in may still write to the session; count from the second on.
        editor.get("/postulaty/obsluga");
        ministry.get("/postulaty/do-odpowiedzi");
        int queue = statementsFor(editor, "/postulaty/obsluga");
        List<String> queueStatements = statements.statements();
        int inbox = statementsFor(ministry, "/postulaty/do-odpowiedzi");
        List<String> inboxStatements = statements.statements();
        int page = statementsFor(ministry, "/postulaty/" + answered);
        List<String> pageStatements = statements.statements();

        long region = jdbc.sql("select id from region where slug = 'lubuskie'")
                .query(Long.class)
                .single();
        long mrpips = jdbc.sql("select id from institution where short_name = 'MRPiPS'")
                .query(Long.class)
                .single();
        for (int i = 0; i < 6; i++) {
            jdbc.sql("""
                            insert into postulates_postulate (region_id, addressee_id, title, problem, proposal, status,
                                created_at, updated_at, submitted_at, signing_closes_at)
                            values (:r, :a, :t, 'Problem', 'Propozycja', 'SUBMITTED', now(), now(), now() - interval '2 days',
                                now() + interval '5 days')""")
                    .param("r", region)
                    .param("a", mrpips)
                    .param("t", TITLE + "złożony " + i)
                    .update();
            jdbc.sql("""
                            insert into postulates_postulate (region_id, addressee_id, title, problem, proposal, status,
                                created_at, updated_at, submitted_at, signing_closes_at, forwarded_at, answer_due)
                            values (:r, :a, :t, 'Problem', 'Propozycja', 'FORWARDED', now(), now(), now() - interval '40 days',
                                now() - interval '30 days', now() - interval '29 days', current_date - :late)""")
                    .param("r", region)
                    .param("a", mrpips)
                    .param("t", TITLE + "przekazany " + i)
                    .param("late", i)
                    .update();
        }
        for (int v = 100; v < 105; v++) {
            jdbc.sql("""
                            insert into postulates_answer (postulate_id, version, institution_id, status, body, correction, answered_at)
                            select :p, :v, addressee_id, 'REJECTED', 'Kolejna wersja', true, now() from postulates_postulate where id = :p""").param("p", answered).param("v", v).update();
        }
        try {
            assertThat(editor.get("/postulaty/obsluga").body()).contains(TITLE + "przekazany 5");
            assertThat(statementsFor(editor, "/postulaty/obsluga"))
                    .as(() -> queueStatements + " then " + statements.statements())
                    .isEqualTo(queue);
            assertThat(statementsFor(ministry, "/postulaty/do-odpowiedzi"))
                    .as(() -> inboxStatements + " then " + statements.statements())
                    .isEqualTo(inbox);
            assertThat(statementsFor(ministry, "/postulaty/" + answered))
                    .as(() -> pageStatements + " then " + statements.statements())
                    .isEqualTo(page);
        } finally {
            jdbc.sql("delete from postulates_answer where postulate_id = :p and version >= 100")
                    .param("p", answered)
                    .update();
        }
    }

    private int statementsFor(SignedInClient client, String path) {
        statements.reset();
        assertThat(client.get(path).statusCode()).as(path).isEqualTo(200);
        // The session store's own statements vary with when the session was last saved, not with the data.
        return (int) statements.statements().stream()
                .filter(sql -> !sql.contains("SPRING_SESSION"))
                .count();
    }
}
