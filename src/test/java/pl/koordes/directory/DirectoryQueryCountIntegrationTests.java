package pl.koordes.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.directory.internal.KeptWorkspaces;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;
import pl.koordes.support.TestExtensions;

/** The number of SQL statements a directory page runs does not grow with its data. */
@IntegrationTest
@Import(TestExtensions.class)
class DirectoryQueryCountIntegrationTests {

    private static final String REGION = "lubuskie";

    @LocalServerPort
    int port;

    @Autowired
    TestExtensions.StatementCounter statements;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KeptWorkspaces workspaces;

    @AfterEach
    void removeAddedMembers() {
        jdbc.sql("delete from committee_membership where organisation = 'query-count test'")
                .update();
        jdbc.sql("delete from institution where name like 'query-count test%'").update();
    }

    @Test
    void aRegionPageRunsTheSameQueriesWithFiveOrFiveHundredMembersAndInstitutions() {
        long committee = jdbc.sql(
                        "select c.id from committee c join region r on r.id = c.region_id where r.slug = :slug")
                .param("slug", REGION)
                .query(Long.class)
                .single();
        long region = jdbc.sql("select id from region where slug = :slug")
                .param("slug", REGION)
                .query(Long.class)
                .single();
        int few = statementsFor("/regiony/" + REGION);
        // The region, its description, institutions, committee and members, the events section and the
        // committee's public work (one statement): the map and its regions are cached (they were one more
        // statement per view).
        assertThat(few).isPositive().isLessThanOrEqualTo(7);

        for (int i = 0; i < 495; i++) {
            jdbc.sql("""
                    insert into committee_membership (committee_id, full_name, organisation, sector, function, term_start)
                    values (:committee, :name, 'query-count test', 'NGO', 'MEMBER', :start)
                    """)
                    .param("committee", committee)
                    .param("name", "Osoba Testowa " + i)
                    .param("start", LocalDate.of(2025, 1, 1))
                    .update();
        }
        for (int i = 0; i < 50; i++) {
            jdbc.sql("insert into institution (kind, name, region_id) values ('OWES', :name, :region)")
                    .param("name", "query-count test " + i)
                    .param("region", region)
                    .update();
        }
        String page = new Http(port).get("/regiony/" + REGION).body();
        assertThat(page).contains("Osoba Testowa 494").contains("query-count test 49");
        assertThat(statementsFor("/regiony/" + REGION)).isEqualTo(few);
    }

    @Test
    void theCoordinationWorkspaceRunsTheSameQueriesWithFiveOrFiveHundredMembers() {
        SignedInClient administrator = new SignedInClient(port);
        administrator.signInFully(DemoAccounts.ADMINISTRATOR, DemoAccounts.PASSWORD, DemoAccounts.TOTP_SECRET);
        String workspace = "/koordynacja/" + REGION;
        // The first page after signing in may still write to the session; count from the second on.
        assertThat(administrator.get(workspace).statusCode()).isEqualTo(200);
        int few = statementsFor(administrator, workspace);
        assertThat(few).isPositive();

        long committee = jdbc.sql(
                        "select c.id from committee c join region r on r.id = c.region_id where r.slug = :slug")
                .param("slug", REGION)
                .query(Long.class)
                .single();
        for (int i = 0; i < 495; i++) {
            jdbc.sql("""
                    insert into committee_membership (committee_id, full_name, organisation, sector, function, term_start,
                                                      term_end, email, phone)
                    values (:committee, :name, 'query-count test', 'NGO', 'MEMBER', :start, :end, :email, '+48 00 000 00 00')
                    """)
                    .param("committee", committee)
                    .param("name", "Osoba Testowa " + i)
                    .param("start", LocalDate.of(2025, 1, 1))
                    .param("end", i % 2 == 0 ? null : LocalDate.of(2025, 6, 30))
                    .param("email", "osoba" + i + "@test.koordes.example")
                    .update();
        }
        // Added by hand in SQL, past the write paths that tell the kept workspaces.
        workspaces.forget();
        assertThat(administrator.get(workspace).body())
                .contains("osoba494@test.koordes.example")
                .contains("Osoba Testowa 493");
        assertThat(statementsFor(administrator, workspace)).isEqualTo(few);

        // Viewed again, the workspace comes from memory: only the session is read.
        statements.reset();
        assertThat(administrator.get(workspace).body()).contains("osoba494@test.koordes.example");
        assertThat(statements.count()).isLessThan(few);
    }

    /** The statements of a view that reads the workspace from the database. */
    private int statementsFor(SignedInClient client, String path) {
        workspaces.forget();
        statements.reset();
        assertThat(client.get(path).statusCode()).isEqualTo(200);
        return statements.count();
    }

    @Test
    void theListPagesRunAFixedSmallNumberOfQueries() {
        // The lists of regions and macroregions and the map are cached (dropped when the directory changes).
        assertThat(statementsFor("/regiony")).isZero();
        // The home page belongs to the content module now: ContentQueryCountIntegrationTests counts it.
        assertThat(statementsFor("/makroregiony/wschodni")).isLessThanOrEqualTo(2);
    }

    private int statementsFor(String path) {
        // Another test may just have emptied a cache; the figure that matters is the settled one.
        new Http(port).get(path);
        statements.reset();
        assertThat(new Http(port).get(path).statusCode()).isEqualTo(200);
        return statements.count();
    }
}
