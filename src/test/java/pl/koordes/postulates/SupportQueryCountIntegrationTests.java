package pl.koordes.postulates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;
import pl.koordes.support.TestExtensions;

/**
 * The postulate page's support section and the notification centre run as many statements with a little data
 * as with a lot: 1 or 15 signing regions, 1 or 200 endorsements; 3 or 120 notices.
 */
@IntegrationTest
@Import(TestExtensions.class)
class SupportQueryCountIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestExtensions.StatementCounter statements;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void warm() {
        assertThat(new Http(port).get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void thePostulatePageRunsTheSameStatementsWithOneOrFifteenSignaturesAndManyEndorsements() {
        long postulate = SupportTesting.submitted(jdbc, "malopolskie", SupportTesting.unique("Liczba zapytań"), 48);
        String path = "/postulaty/" + postulate;
        signBy(postulate, "slaskie");
        endorse(postulate, 1, 1);
        Http anonymous = new Http(port);
        anonymous.get(path);
        statements.reset();
        assertThat(anonymous.get(path).body()).contains("Podpisało 1 województwo.");
        int few = statements.count();

        jdbc.sql("""
                        insert into postulates_signature (postulate_id, region_id, signed_at)
                        select :p, r.id, now() from region r
                        where r.slug not in ('malopolskie', 'slaskie')
                        """).param("p", postulate).update();
        endorse(postulate, 2, 200);
        statements.reset();
        assertThat(anonymous.get(path).body())
                .contains("Podpisało 15 województw.")
                .contains("Poparło go 200 osób.");
        assertThat(statements.count()).isEqualTo(few);
    }

    @Test
    void theNotificationCentreRunsTheSameStatementsWithThreeOrManyNotices() {
        SignedInClient person = new SignedInClient(port, "127.0.18.1");
        person.signInFully(DemoAccounts.EXPERT, DemoAccounts.PASSWORD, null);
        long account = jdbc.sql("select id from account where email = :e")
                .param("e", DemoAccounts.EXPERT)
                .query(Long.class)
                .single();
        notices(account, 3);
        person.get("/powiadomienia");
        statements.reset();
        assertThat(person.get("/powiadomienia").statusCode()).isEqualTo(200);
        // The page's own statements: the session's reads and writes (Spring Session) are the same for every
        // page and are sometimes read twice by the session filter, whatever the page shows.
        List<String> few = pageStatements();

        notices(account, 117);
        person.get("/powiadomienia");
        statements.reset();
        assertThat(person.get("/powiadomienia").body()).contains("Starsze powiadomienia");
        assertThat(pageStatements()).isEqualTo(few).hasSize(3);
    }

    private List<String> pageStatements() {
        return statements.statements().stream()
                .filter(statement -> !statement.contains("SPRING_SESSION"))
                .toList();
    }

    private void signBy(long postulate, String slug) {
        jdbc.sql("""
                        insert into postulates_signature (postulate_id, region_id, signed_at)
                        select :p, r.id, now() from region r where r.slug = :slug
                        """).param("p", postulate).param("slug", slug).update();
    }

    private void endorse(long postulate, int from, int to) {
        jdbc.sql("""
                        insert into postulates_endorsement (postulate_id, account_id, endorsed_at)
                        select :p, 9400000 + n, now() from generate_series(:from, :to) n
                        """).param("p", postulate).param("from", from).param("to", to).update();
    }

    private void notices(long account, int count) {
        jdbc.sql("""
                        insert into notifications_notice (id, account_id, kind, text, link, created_at)
                        select gen_random_uuid(), :a, 'test', 'Powiadomienie próbne ' || n, '/postulaty', now()
                        from generate_series(1, :count) n
                        """).param("a", account).param("count", count).update();
    }
}
