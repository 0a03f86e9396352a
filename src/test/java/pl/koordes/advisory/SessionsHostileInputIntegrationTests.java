package pl.koordes.advisory;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.NaughtyStrings;
import pl.koordes.support.SignedInClient;

/**
 * Every line of the Big List of Naughty Strings in every text field of the sessions' forms (summary,
 * recommendations, participants, hours, a task's description and typed owner, the final recommendation) and
 * hostile ids: never a server error, nothing executed; what is stored comes back escaped on the case's page and in
 * the edit form.
 */
@IntegrationTest
class SessionsHostileInputIntegrationTests {

    private static final String PREFIX = "Wroga sesja";

    private static final List<String> PAYLOADS = List.of(
            "<script>alert(123)</script>",
            "<img src=x onerror=alert(1)>",
            "'; DROP TABLE advisory_session; --",
            "\u0000",
            "\uD800",
            "${7*7}",
            "\u202Etest",
            "x".repeat(9000));

    @LocalServerPort
    int port;

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
    void everyTextFieldTakesEveryStringAndGivesItBackEscaped() {
        long id = testing.newCase(
                PREFIX + " tekst", "malopolskie", "GROUP", "IN_PROGRESS", new BigDecimal("9999"), DemoAccounts.EXPERT);
        String base = "/doradztwo/" + id;
        SignedInClient expert = testing.signedIn(DemoAccounts.EXPERT, "127.0.31.30");
        String due = SessionsTesting.today().plusDays(10).toString();
        String today = SessionsTesting.today().toString();
        List<String> lines = NaughtyStrings.payloadsAnd(PAYLOADS);
        SoftAssertions softly = new SoftAssertions();
        int recorded = 0;
        for (String line : lines) {
            HttpResponse<String> session = expert.post(
                    base + "/sesje/nowa",
                    "heldOn",
                    today,
                    "hours",
                    "0,25",
                    "sessionMode",
                    "ONLINE",
                    "participants",
                    line,
                    "summary",
                    line,
                    "recommendations",
                    line,
                    "tasks[0].description",
                    line,
                    "tasks[0].ownerName",
                    line,
                    "tasks[0].dueOn",
                    due);
            softly.assertThat(session.statusCode()).as(line).isIn(302, 422);
            softly.assertThat(session.body()).as(line).doesNotContain("<script>alert", "<img src=x");
            if (session.statusCode() == 302) {
                recorded++;
            }
            HttpResponse<String> task =
                    expert.post(base + "/zadania", "description", line, "ownerName", line, "dueOn", due);
            softly.assertThat(task.statusCode()).as(line).isIn(302, 422);
            softly.assertThat(task.body()).as(line).doesNotContain("<script>alert", "<img src=x");
            HttpResponse<String> hours = expert.post(
                    base + "/sesje/nowa",
                    "heldOn",
                    today,
                    "hours",
                    line,
                    "sessionMode",
                    "ONLINE",
                    "summary",
                    "Godziny");
            softly.assertThat(hours.statusCode()).as(line).isIn(302, 422);
            softly.assertThat(hours.body()).as(line).doesNotContain("<script>alert", "<img src=x");
            HttpResponse<String> close = expert.post(base + "/zakoncz", "finalRecommendation", line + "\u0000");
            softly.assertThat(close.statusCode()).as(line).isEqualTo(422);
            softly.assertThat(close.body()).as(line).doesNotContain("<script>alert", "<img src=x");
        }
        softly.assertThat(recorded).isGreaterThan(lines.size() / 2);
        HttpResponse<String> page = expert.get(base);
        softly.assertThat(page.statusCode()).isEqualTo(200);
        softly.assertThat(page.body())
                .contains("&lt;script&gt;alert(123)&lt;/script&gt;")
                .doesNotContain("<script>alert", "<img src=x");
        long hostile = jdbc.sql("""
                        select min(id) from advisory_session where request_id = :r
                        and summary = '<script>alert(123)</script>'
                        """).param("r", id).query(Long.class).single();
        HttpResponse<String> edit = expert.get(base + "/sesje/" + hostile);
        softly.assertThat(edit.statusCode()).isEqualTo(200);
        softly.assertThat(edit.body()).doesNotContain("<script>alert", "<img src=x");
        SignedInClient coordinator = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.31.31");
        softly.assertThat(coordinator.get(base).body()).doesNotContain("<script>alert", "<img src=x");

        // The final recommendation, hostile, closes the case and comes back escaped.
        jdbc.sql("update advisory_session set consent = 'GRANTED' where request_id = :r and consent = 'PENDING'")
                .param("r", id)
                .update();
        HttpResponse<String> closed =
                expert.post(base + "/zakoncz", "finalRecommendation", "<script>alert(123)</script>");
        softly.assertThat(closed.statusCode()).isEqualTo(302);
        softly.assertThat(coordinator.get(base).body())
                .contains("&lt;script&gt;alert(123)&lt;/script&gt;")
                .doesNotContain("<script>alert");
        softly.assertAll();
    }

    @Test
    void hostileIdsAreNeverAServerError() {
        long id = testing.newCase(
                PREFIX + " identyfikatory",
                "malopolskie",
                "INDIVIDUAL",
                "IN_PROGRESS",
                new BigDecimal("8"),
                DemoAccounts.EXPERT);
        SignedInClient expert = testing.signedIn(DemoAccounts.EXPERT, "127.0.31.32");
        SoftAssertions softly = new SoftAssertions();
        for (String value : List.of("abc", "-1", "0", "99999999999999999999", "1.5", "%27%3B--", "%3Cscript%3E")) {
            for (String path : List.of(
                    "/doradztwo/" + value + "/sesje/nowa",
                    "/doradztwo/" + id + "/sesje/" + value,
                    "/doradztwo/" + id + "/sesje/" + value + "/usun",
                    "/doradztwo/" + value + "/zakoncz")) {
                HttpResponse<String> answer = expert.get(path);
                softly.assertThat(answer.statusCode()).as(path).isIn(400, 404);
                softly.assertThat(answer.body()).as(path).doesNotContain("<script>");
            }
            for (String path : List.of(
                    "/doradztwo/" + id + "/zadania/" + value + "/wykonane",
                    "/doradztwo/" + id + "/sesje/" + value + "/usun",
                    "/doradztwo/" + value + "/termin")) {
                softly.assertThat(expert.post(path).statusCode()).as(path).isIn(400, 404);
            }
            for (String[] form : List.of(
                    new String[] {"eventId", value, "summary", "x", "hours", "1", "sessionMode", "ONLINE"},
                    new String[] {"institutionIds", value, "summary", "x", "hours", "1", "sessionMode", value},
                    new String[] {"heldOn", value, "tasks[0].ownerId", value, "tasks[0].dueOn", value},
                    new String[] {"tasks[" + value + "].description", "x"})) {
                HttpResponse<String> answer = expert.post("/doradztwo/" + id + "/sesje/nowa", form);
                softly.assertThat(answer.statusCode())
                        .as(String.join(",", form))
                        .isLessThan(500);
            }
            softly.assertThat(expert.post("/doradztwo/" + id + "/zadania", "ownerId", value, "dueOn", value)
                            .statusCode())
                    .as(value)
                    .isEqualTo(422);
            softly.assertThat(expert.post("/doradztwo/" + id + "/termin", "scheduledOn", value)
                            .statusCode())
                    .as(value)
                    .isEqualTo(422);
        }
        softly.assertAll();
    }
}
