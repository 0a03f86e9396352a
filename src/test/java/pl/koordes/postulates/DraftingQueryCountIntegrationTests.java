package pl.koordes.postulates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
 * A region's list of postulates and drafts runs the same statements with 100 and with 400 more
 * postulates of the region (drafts, submitted with co-signatures, overdue ones): counted on the request
 * threads only.
 */
@IntegrationTest
@Import(TestExtensions.class)
class DraftingQueryCountIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestExtensions.StatementCounter statements;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theRegionsListDoesNotGrowWithItsPostulates() {
        jdbc.sql("update account set totp_last_step = null where email = :email")
                .param("email", DemoAccounts.COORDINATOR_MALOPOLSKIE)
                .update();
        SignedInClient coordinator = new SignedInClient(port, "127.0.17.20");
        coordinator.signInFully(DemoAccounts.COORDINATOR_MALOPOLSKIE, DemoAccounts.PASSWORD, DemoAccounts.TOTP_SECRET);
        String path = "/postulaty/region/malopolskie";
        try {
            // The page's own statements: 400 postulates make a page longer than the response buffer.
            insert(1, 100);
            coordinator.get(path);
            int few = statementsFor(coordinator, path);
            List<String> fewStatements = statements.statements();
            assertThat(few).isPositive().isLessThanOrEqualTo(8);
            insert(101, 400);
            assertThat(coordinator.get(path).body())
                    .contains("Postulat liczony 400")
                    .contains("po terminie od 10 dni");
            int many = statementsFor(coordinator, path);
            assertThat(many)
                    .as("%s, then %s", fewStatements, statements.statements())
                    .isEqualTo(few);
        } finally {
            jdbc.sql("delete from postulates_postulate where title like 'Postulat liczony %'")
                    .update();
        }
    }

    /** Postulates of małopolskie numbered from–to: drafts, submitted ones and overdue forwarded ones, co-signed. */
    private void insert(int from, int to) {
        jdbc.sql("""
                        insert into postulates_postulate (region_id, addressee_id, title, problem, proposal, status,
                            created_at, updated_at, submitted_at, signing_closes_at, forwarded_at, answer_due)
                        select (select id from region where slug = 'malopolskie'),
                               (select min(id) from institution where kind = 'CENTRAL'),
                               'Postulat liczony ' || n, 'p', 'r',
                               case n % 3 when 0 then 'DRAFT' when 1 then 'SUBMITTED' else 'FORWARDED' end,
                               now(), now(),
                               case when n % 3 = 0 then null else now() - interval '60 days' end,
                               case when n % 3 = 0 then null else now() - interval '46 days' end,
                               case when n % 3 = 2 then now() - interval '45 days' end,
                               case when n % 3 = 2 then (now() at time zone 'Europe/Warsaw')::date - 10 end
                        from generate_series(:from, :to) n""").param("from", from).param("to", to).update();
        jdbc.sql("""
                        insert into postulates_signature (postulate_id, region_id, signed_at)
                        select p.id, r.id, now() from postulates_postulate p, region r
                        where p.title like 'Postulat liczony %' and p.status <> 'DRAFT' and r.slug <> 'malopolskie'
                          and not exists (select 1 from postulates_signature s where s.postulate_id = p.id)""").update();
    }

    private int statementsFor(SignedInClient client, String path) {
        statements.reset();
        assertThat(client.get(path).statusCode()).isEqualTo(200);
        return statements.pageStatements().size();
    }
}
