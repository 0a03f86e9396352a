package pl.koordes.committees;

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
 * The list of resolutions, a resolution's page and the minutes' page run the same statements with 1 and with 30
 * resolutions (each with members present and attachments), versions and remarks.
 */
@IntegrationTest
@Import(TestExtensions.class)
class ResolutionsQueryCountIntegrationTests {

    private static final String PREFIX = "Liczona uchwała";

    @LocalServerPort
    int port;

    @Autowired
    TestExtensions.StatementCounter statements;

    @Autowired
    JdbcClient jdbc;

    ResolutionsTesting testing;

    @BeforeEach
    void setUp() {
        testing = new ResolutionsTesting(jdbc, port);
    }

    @AfterEach
    void cleanUp() {
        testing.cleanUp(PREFIX);
    }

    @Test
    void theListAndPagesDoNotGrowWithWhatTheyShow() {
        long meeting = testing.heldMeeting("malopolskie", PREFIX + " posiedzenie", 4);
        jdbc.sql(
                        "insert into committee_minutes (meeting_id, status, remarks_until) values (:m, 'IN_REVIEW', current_date + 3)")
                .param("m", meeting)
                .update();
        long first = add(meeting, 1);
        String list = "/komitet/malopolskie/uchwaly";
        String one = list + "/" + first;
        String minutes = "/komitet/malopolskie/posiedzenia/" + meeting + "/protokol";
        for (String email : List.of(DemoAccounts.COORDINATOR_MALOPOLSKIE, DemoAccounts.COMMITTEE_MALOPOLSKIE)) {
            SignedInClient client = testing.signedIn(
                    email, email.equals(DemoAccounts.COMMITTEE_MALOPOLSKIE) ? "127.0.39.40" : "127.0.39.41");
            client.get(list);
            int listOne = statementsFor(client, list);
            List<String> listStatements = statements.statements();
            int pageOne = statementsFor(client, one);
            int minutesOne = statementsFor(client, minutes);
            assertThat(listOne).isPositive().isLessThanOrEqualTo(12);
            for (int i = 2; i <= 30; i++) {
                add(meeting, i);
            }
            assertThat(client.get(list).body()).contains(PREFIX + " nr 30");
            assertThat(statementsFor(client, list))
                    .as("%s: %s, then %s", email, listStatements, statements.statements())
                    .isEqualTo(listOne);
            assertThat(statementsFor(client, one)).isEqualTo(pageOne);
            assertThat(client.get(minutes).body()).contains("Wersja 30");
            assertThat(statementsFor(client, minutes)).isEqualTo(minutesOne);
            testing.cleanUp(PREFIX + " nr");
            jdbc.sql("delete from committee_minutes_version where meeting_id = :m")
                    .param("m", meeting)
                    .update();
            first = add(meeting, 1);
            one = list + "/" + first;
        }
    }

    /** A resolution with three members present and an attachment, and a version of the minutes with a remark. */
    private long add(long meeting, int n) {
        long id =
                testing.resolution("malopolskie", "RESOLUTION", PREFIX + " nr " + n, true, ResolutionsTesting.today());
        jdbc.sql("update committee_resolution set meeting_id = :m where id = :r")
                .param("m", meeting)
                .param("r", id)
                .update();
        for (Long member : testing.members("malopolskie").subList(0, 3)) {
            jdbc.sql("insert into committee_resolution_presence (resolution_id, membership_id) values (:r, :m)")
                    .param("r", id)
                    .param("m", member)
                    .update();
        }
        jdbc.sql("""
                        insert into committee_resolution_attachment (resolution_id, file_name, file_type, size_bytes, file_data)
                        values (:r, 'plik.pdf', 'application/pdf', 4, '\\x25504446'::bytea)
                        """).param("r", id).update();
        jdbc.sql("insert into committee_minutes_version (meeting_id, number, body) values (:m, :n, :b)")
                .param("m", meeting)
                .param("n", n)
                .param("b", "Tekst wersji " + n)
                .update();
        jdbc.sql("insert into committee_minutes_remark (meeting_id, version_number, body) values (:m, :n, 'Uwaga')")
                .param("m", meeting)
                .param("n", n)
                .update();
        return id;
    }

    private int statementsFor(SignedInClient client, String path) {
        statements.reset();
        assertThat(client.get(path).statusCode()).isEqualTo(200);
        return statements.pageStatements().size();
    }
}
