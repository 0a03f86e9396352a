package pl.koordes.monitoring;

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
 * The statements a reporting page runs do not grow with its data: a region's values page with 5 or 20
 * indicators, the period at a glance and the list of periods with 5 more periods.
 */
@IntegrationTest
@Import(TestExtensions.class)
class ReportingQueryCountIntegrationTests {

    private static final String REGION = "lubuskie";

    @LocalServerPort
    int port;

    @Autowired
    TestExtensions.StatementCounter statements;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeAdded() {
        jdbc.sql(
                        "delete from monitoring_value where indicator_id in (select id from monitoring_indicator where code like 'QC%')")
                .update();
        jdbc.sql(
                        "delete from monitoring_version_indicator where indicator_id in (select id from monitoring_indicator where code like 'QC%')")
                .update();
        jdbc.sql("delete from monitoring_indicator where code like 'QC%'").update();
        jdbc.sql("delete from monitoring_period where year between 2080 and 2084")
                .update();
    }

    @Test
    void theRegionsValuesThePeriodAndThePeriodsRunTheSameStatementsWithMoreData() {
        jdbc.sql("update account set totp_last_step = null where email = :e")
                .param("e", DemoAccounts.ADMINISTRATOR)
                .update();
        SignedInClient administrator = new SignedInClient(port, "127.0.13.1");
        administrator.signInFully(DemoAccounts.ADMINISTRATOR, DemoAccounts.PASSWORD, DemoAccounts.TOTP_SECRET);
        long open = jdbc.sql("select id from monitoring_period where status = 'OPEN' order by year desc limit 1")
                .query(Long.class)
                .single();
        String region = "/monitoring/sprawozdania/" + open + "/" + REGION;
        String period = "/monitoring/sprawozdania/" + open;
        List<String> pages = List.of(region, period, "/monitoring/sprawozdania", "/monitoring/okresy");
        // The first page after signing in may still write to the session; count from the second on.
        administrator.get(region);
        int[] few = new int[pages.size()];
        for (int i = 0; i < pages.size(); i++) {
            few[i] = statementsFor(administrator, pages.get(i));
            assertThat(few[i]).as(pages.get(i)).isPositive();
        }

        long version = jdbc.sql("""
                        select pv.id from monitoring_programme_version pv join monitoring_programme p on p.id = pv.programme_id
                        join region r on r.id = p.region_id where r.slug = :slug and pv.status = 'CURRENT'""").param("slug", REGION).query(Long.class).single();
        long regionId = jdbc.sql("select id from region where slug = :slug")
                .param("slug", REGION)
                .query(Long.class)
                .single();
        for (int i = 0; i < 15; i++) {
            long indicator = jdbc.sql("insert into monitoring_indicator (region_id, code) values (:r, :c) returning id")
                    .param("r", regionId)
                    .param("c", "QC" + i)
                    .query(Long.class)
                    .single();
            jdbc.sql("""
                            insert into monitoring_version_indicator (version_id, indicator_id, position, name, unit)
                            values (:v, :i, 100 + :n, :name, 'liczba')""")
                    .param("v", version)
                    .param("i", indicator)
                    .param("n", i)
                    .param("name", "Wskaźnik liczenia zapytań " + i)
                    .update();
            jdbc.sql("""
                            insert into monitoring_value (indicator_id, period_id, region_id, status, value)
                            values (:i, :p, :r, 'DRAFT', 10)""")
                    .param("i", indicator)
                    .param("p", open)
                    .param("r", regionId)
                    .update();
        }
        for (int year = 2080; year <= 2084; year++) {
            jdbc.sql("insert into monitoring_period (kind, year, deadline) values ('YEAR', :y, date '2090-01-01')")
                    .param("y", year)
                    .update();
        }
        assertThat(administrator.get(region).body()).contains("Wskaźnik liczenia zapytań 14");
        for (int i = 0; i < pages.size(); i++) {
            assertThat(statementsFor(administrator, pages.get(i)))
                    .as(pages.get(i))
                    .isEqualTo(few[i]);
        }
    }

    /** The page's own statements (a page past the response buffer costs the session store one more). */
    private int statementsFor(SignedInClient client, String path) {
        statements.reset();
        assertThat(client.get(path).statusCode()).as(path).isEqualTo(200);
        return statements.pageStatements().size();
    }
}
