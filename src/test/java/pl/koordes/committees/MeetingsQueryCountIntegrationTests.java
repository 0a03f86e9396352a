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

/** The space and a meeting's page run the same statements with few and with many meetings, documents and answers. */
@IntegrationTest
@Import(TestExtensions.class)
class MeetingsQueryCountIntegrationTests {

    private static final String PREFIX = "Liczone posiedzenie";
    private static final String SPACE = "/komitet/malopolskie";

    @LocalServerPort
    int port;

    @Autowired
    TestExtensions.StatementCounter statements;

    @Autowired
    JdbcClient jdbc;

    MeetingsTesting testing;

    @BeforeEach
    void setUp() {
        testing = new MeetingsTesting(jdbc, port);
        testing.cleanUp(PREFIX);
    }

    @AfterEach
    void cleanUp() {
        testing.cleanUp(PREFIX);
    }

    @Test
    void theSpaceAndTheMeetingPageDoNotGrowWithTheirContent() {
        long meeting = add(1).getFirst();
        String page = SPACE + "/posiedzenia/" + meeting;
        for (String email : List.of(DemoAccounts.COORDINATOR_MALOPOLSKIE, DemoAccounts.COMMITTEE_MALOPOLSKIE)) {
            SignedInClient client = testing.signedIn(
                    email, email.equals(DemoAccounts.COMMITTEE_MALOPOLSKIE) ? "127.0.35.50" : "127.0.35.51");
            client.get(SPACE);
            int space = statementsFor(client, SPACE);
            List<String> few = statements.statements();
            int meetingPage = statementsFor(client, page);
            assertThat(space).isPositive().isLessThanOrEqualTo(16);
            assertThat(meetingPage).isPositive().isLessThanOrEqualTo(16);
            add(20);
            documents(meeting, 10);
            // Past meetings come twenty to a page: each of the 21 added is on exactly one of them (two are "1").
            StringBuilder pages = new StringBuilder();
            int number = 0;
            String body;
            do {
                number++;
                body = client.get(SPACE + "?minione=" + number).body();
                pages.append(body);
            } while (body.contains("rel=\"next\"") && number < 50);
            assertThat(number).isGreaterThan(1);
            for (int i = 1; i <= 20; i++) {
                assertThat(pages.toString().split(java.util.regex.Pattern.quote(PREFIX + " " + i + "<"), -1))
                        .as("meeting %d listed once", i)
                        .hasSize(i == 1 ? 3 : 2);
            }
            assertThat(statementsFor(client, SPACE))
                    .as("%s: %s, then %s", email, few, statements.statements())
                    .isEqualTo(space);
            assertThat(statementsFor(client, SPACE + "?minione=2")).isEqualTo(space);
            assertThat(statementsFor(client, page)).isEqualTo(meetingPage);
            testing.cleanUp(PREFIX);
            meeting = add(1).getFirst();
            page = SPACE + "/posiedzenia/" + meeting;
        }
    }

    private List<Long> add(int count) {
        return java.util.stream.IntStream.rangeClosed(1, count)
                .mapToObj(i -> testing.meeting(
                        "malopolskie",
                        PREFIX + " " + i,
                        MeetingsTesting.today().minusDays(i),
                        i % 2 == 0 ? "HELD" : "CONVENED",
                        false))
                .toList();
    }

    private void documents(long meeting, int count) {
        for (int i = 0; i < count; i++) {
            jdbc.sql("""
                            insert into committee_document (meeting_id, title, file_name, file_type, size_bytes, file_data)
                            values (:m, :t, 'plik.txt', 'text/plain', 4, convert_to('test', 'UTF8'))
                            """).param("m", meeting).param("t", "Dokument " + i).update();
        }
    }

    private int statementsFor(SignedInClient client, String path) {
        statements.reset();
        assertThat(client.get(path).statusCode()).isEqualTo(200);
        return statements.pageStatements().size();
    }
}
