package pl.koordes.advisory;

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
 * The list runs the same statements with a few and with 200 more cases (each with experts), and a case's page the
 * same with no session and with 20 sessions and experts: counted on the request threads only.
 */
@IntegrationTest
@Import(TestExtensions.class)
class RequestsQueryCountIntegrationTests {

    private static final String PREFIX = "Liczona sprawa";

    @LocalServerPort
    int port;

    @Autowired
    TestExtensions.StatementCounter statements;

    @Autowired
    JdbcClient jdbc;

    RequestsTesting testing;

    @BeforeEach
    void setUp() {
        testing = new RequestsTesting(jdbc, port);
    }

    @AfterEach
    void cleanUp() {
        testing.cleanUp(PREFIX);
    }

    @Test
    void theListDoesNotGrowWithItsCases() {
        for (String[] actor : new String[][] {
            {DemoAccounts.EDITOR, "127.0.29.40", "/doradztwo?wojewodztwo=malopolskie&strona=2"},
            {DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.29.41", "/doradztwo"},
            {DemoAccounts.EXPERT, "127.0.29.42", "/doradztwo?status=w-trakcie"}
        }) {
            SignedInClient client = testing.signedIn(actor[0], actor[1]);
            String path = actor[2];
            client.get(path);
            int few = statementsFor(client, path);
            List<String> fewStatements = statements.statements();
            assertThat(few).as(actor[0]).isPositive().isLessThanOrEqualTo(10);
            insert(40);
            assertThat(statementsFor(client, path))
                    .as("%s: %s, then %s", actor[0], fewStatements, statements.statements())
                    .isEqualTo(few);
        }
    }

    @Test
    void aCasePageDoesNotGrowWithItsSessionsAndExperts() {
        SignedInClient coordinator = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.29.43");
        long id = testing.insertCase("malopolskie", "IN_PROGRESS", PREFIX + ": strona", DemoAccounts.EXPERT);
        String path = "/doradztwo/" + id;
        coordinator.get(path);
        int one = statementsFor(coordinator, path);
        List<String> oneStatements = statements.statements();
        jdbc.sql("""
                        insert into advisory_session (request_id, held_on, hours, mode, summary, created_at, updated_at)
                        select :id, current_date - n, 1.5, 'ONLINE', 'Sesja ' || n, now(), now()
                        from generate_series(1, 20) n
                        """).param("id", id).update();
        jdbc.sql("""
                        insert into advisory_assignment (request_id, account_id, assigned_at)
                        select :id, a.id, now() from account a
                        join role_assignment r on r.account_id = a.id and r.role = 'EXPERT'
                        on conflict do nothing
                        """).param("id", id).update();
        assertThat(statementsFor(coordinator, path))
                .as("%s, then %s", oneStatements, statements.statements())
                .isEqualTo(one);
    }

    /** Cases in małopolskie and śląskie in every status, each with the demo expert assigned. */
    private void insert(int count) {
        jdbc.sql("""
                        with made as (
                            insert into advisory_request (region_id, topic_id, title, description, kind, mode, status,
                                decline_reason, completed_at, requested_at, updated_at)
                            select (select id from region where slug = case when n % 2 = 0 then 'malopolskie' else 'slaskie' end),
                                (select min(id) from advisory_topic), 'Liczona sprawa ' || n, 'Opis', 'GROUP', 'ONLINE',
                                (array['SUBMITTED','ACCEPTED','DECLINED','SCHEDULED','IN_PROGRESS','COMPLETED','WITHDRAWN'])[n % 7 + 1],
                                'Powód', now(), now() - n * interval '1 hour', now()
                            from generate_series(1, :count) n
                            returning id)
                        insert into advisory_assignment (request_id, account_id, assigned_at)
                        select made.id, a.id, now() from made, account a where a.email = :expert
                        """).param("count", count).param("expert", DemoAccounts.EXPERT).update();
    }

    private int statementsFor(SignedInClient client, String path) {
        statements.reset();
        assertThat(client.get(path).statusCode()).isEqualTo(200);
        return statements.pageStatements().size();
    }
}
