package pl.koordes.accounts.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;
import pl.koordes.support.TestExtensions;

/**
 * The panel's list and detail pages run as many SQL statements with 5 rows as with 500. One statement of
 * slack: when a longer page is flushed before it ends, Spring Session reads the signed-in session once
 * more (seen as a second {@code select … from SPRING_SESSION}); an N+1 query would add hundreds.
 */
@IntegrationTest
@Import(TestExtensions.class)
class AdminQueryCountIntegrationTests {

    /**
     * Session reads and writes included, no page of the panel needs more: the page's own reads, the
     * session's, and the header's count of unread notifications (one for every signed-in page).
     */
    private static final int MOST = 9;

    private static final int SLACK = 1;

    @LocalServerPort
    int port;

    @Autowired
    TestExtensions.StatementCounter statements;

    @Autowired
    JdbcClient jdbc;

    SignedInClient admin;

    @BeforeEach
    void signIn() {
        admin = AdminSession.administrator(port);
    }

    @Test
    void thePeopleListRunsTheSameStatementsForFiveOrFiveHundredPeople() {
        addPeople("liczenie", 0, 5);
        int few = statementsFor("/admin/osoby?szukaj=liczenie", "Znaleziono 5 osób.");

        addPeople("liczenie", 5, 500);
        assertThat(few).isLessThanOrEqualTo(MOST);
        assertThat(statementsFor("/admin/osoby?szukaj=liczenie", "Znaleziono 500 osób."))
                .isBetween(few, few + SLACK);
        // The region filter names a region: the directory keeps its regions, so no statement more.
        assertThat(statementsFor(
                        "/admin/osoby?szukaj=liczenie&rola=COMMITTEE_MEMBER&region=slaskie&strona=3",
                        "Znaleziono 500 osób."))
                .isBetween(few, few + SLACK);
    }

    @Test
    void aPersonPageAndTheAuditLogRunTheSameStatementsForFewOrManyRolesAndEntries() {
        long id = addPeople("szczegoly", 0, 1);
        addAudit(id, 5);
        int fewPerson = statementsFor("/admin/osoby/" + id, "Szczegoly 0");
        int fewLog = statementsFor("/admin/dziennik?kto=szczegoly", "5 wpisów.");

        jdbc.sql("""
                insert into role_assignment (account_id, role, region_id)
                select :id, 'REGIONAL_COORDINATOR', r.id from region r
                """).param("id", id).update();
        addAudit(id, 495);
        assertThat(fewPerson).isLessThanOrEqualTo(MOST);
        assertThat(fewLog).isLessThanOrEqualTo(MOST);
        assertThat(statementsFor("/admin/osoby/" + id, "Szczegoly 0")).isBetween(fewPerson, fewPerson + SLACK);
        assertThat(statementsFor("/admin/dziennik?kto=szczegoly", "500 wpisów."))
                .isBetween(fewLog, fewLog + SLACK);
    }

    /** Adds people {@code from}..{@code to}-1 named "Prefix N", each a participant and a committee member in Silesia; returns the first id. */
    private long addPeople(String prefix, int from, int to) {
        long first = -1;
        for (int i = from; i < to; i++) {
            long id = jdbc.sql("""
                            insert into account (email, display_name, status, language) values (:email, :name, 'ACTIVE', 'pl')
                            returning id
                            """)
                    .param("email", prefix + i + "@example.org")
                    .param("name", Character.toUpperCase(prefix.charAt(0)) + prefix.substring(1) + " " + i)
                    .query(Long.class)
                    .single();
            jdbc.sql("""
                    insert into role_assignment (account_id, role, region_id)
                    values (:id, 'PARTICIPANT', null), (:id, 'COMMITTEE_MEMBER', (select id from region where slug = 'slaskie'))
                    """).param("id", id).update();
            first = first < 0 ? id : first;
        }
        return first;
    }

    private void addAudit(long id, int count) {
        jdbc.sql("""
                insert into audit_entry (actor_id, actor_label, action, target_type, target_id, before_value, after_value)
                select :id, 'szczegoly0@example.org', 'ROLE_GRANTED', 'account', cast(:id as text), '{"roles": []}', '{"roles": ["EXPERT"]}'
                from generate_series(1, :count)
                """).param("id", id).param("count", count).update();
    }

    /** The statements one request for the page runs; the fewer of two requests counts. */
    private int statementsFor(String path, String expected) {
        int fewest = Integer.MAX_VALUE;
        for (int attempt = 0; attempt < 2; attempt++) {
            statements.reset();
            HttpResponse<String> page = admin.get(path);
            fewest = Math.min(fewest, statements.count());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains(expected);
        }
        return fewest;
    }
}
