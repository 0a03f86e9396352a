package pl.koordes.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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

/** A case's page runs the same statements with 1 and with 30 sessions (with institutions) and tasks. */
@IntegrationTest
@Import(TestExtensions.class)
class SessionsQueryCountIntegrationTests {

    private static final String PREFIX = "Liczona sesja";

    @LocalServerPort
    int port;

    @Autowired
    TestExtensions.StatementCounter statements;

    @Autowired
    JdbcClient jdbc;

    SessionsTesting testing;

    @BeforeEach
    void setUp() {
        testing = new SessionsTesting(jdbc, port);
    }

    @AfterEach
    void cleanUp() {
        testing.cleanUp(PREFIX);
    }

    @Test
    void theCasePageDoesNotGrowWithItsSessionsAndTasks() {
        long id = testing.newCase(
                PREFIX + " strona", "malopolskie", "GROUP", "IN_PROGRESS", new BigDecimal("200"), DemoAccounts.EXPERT);
        String path = "/doradztwo/" + id;
        for (String email : List.of(DemoAccounts.EXPERT, DemoAccounts.COORDINATOR_MALOPOLSKIE)) {
            SignedInClient client =
                    testing.signedIn(email, email.equals(DemoAccounts.EXPERT) ? "127.0.31.20" : "127.0.31.21");
            testing.cleanSessions(id);
            insert(id, 1);
            client.get(path);
            int one = statementsFor(client, path);
            List<String> oneStatements = statements.statements();
            assertThat(one).isPositive().isLessThanOrEqualTo(14);
            insert(id, 29);
            assertThat(client.get(path).body()).contains("Sesja nr 30").contains("Zadanie nr 30");
            assertThat(statementsFor(client, path))
                    .as("%s: %s, then %s", email, oneStatements, statements.statements())
                    .isEqualTo(one);
        }
    }

    private void insert(long id, int count) {
        for (int i = 0; i < count; i++) {
            int n = jdbc.sql("select count(*) from advisory_session where request_id = :r")
                            .param("r", id)
                            .query(Integer.class)
                            .single()
                    + 1;
            long session = jdbc.sql("""
                            insert into advisory_session (request_id, account_id, held_on, hours, mode, summary,
                                participants, consent, created_at, updated_at)
                            values (:r, (select id from account where email = :expert), current_date - :n, 1.5, 'ONLINE',
                                :summary, 'Zespół', :consent, now(), now())
                            returning id
                            """)
                    .param("r", id)
                    .param("expert", DemoAccounts.EXPERT)
                    .param("n", n)
                    .param("summary", "Sesja nr " + n)
                    .param("consent", n % 3 == 0 ? "PENDING" : null)
                    .query(Long.class)
                    .single();
            jdbc.sql("""
                            insert into advisory_session_institution (session_id, institution_id)
                            select :s, i.id from institution i join region g on g.id = i.region_id
                            where g.slug = 'malopolskie' order by i.id limit 2
                            """).param("s", session).update();
            jdbc.sql("""
                            insert into advisory_task (request_id, session_id, description, owner_id, owner_name, due_on,
                                created_at)
                            values (:r, :s, :d, case when :n % 2 = 0 then (select id from account where email = :c) end,
                                case when :n % 2 = 0 then '' else 'Zespół ROPS' end, current_date + :n - 10, now())
                            """)
                    .param("r", id)
                    .param("s", session)
                    .param("d", "Zadanie nr " + n)
                    .param("n", n)
                    .param("c", DemoAccounts.COORDINATOR_MALOPOLSKIE)
                    .update();
        }
    }

    private int statementsFor(SignedInClient client, String path) {
        statements.reset();
        assertThat(client.get(path).statusCode()).isEqualTo(200);
        return statements.pageStatements().size();
    }
}
