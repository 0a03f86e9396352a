package pl.koordes.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
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
 * Every line of the Big List of Naughty Strings in every text field of the request (new and edited), the
 * withdrawal's reason and the rating's comment, and hostile values in every id and filter: never a server error;
 * what is stored comes back escaped on the case's page, the list and in the operators' e-mail.
 */
@IntegrationTest
class RequestsHostileInputIntegrationTests {

    private static final String PREFIX = "Wrogi wniosek";

    private static final List<String> PAYLOADS = List.of(
            "<script>alert(123)</script>",
            "<img src=x onerror=alert(1)>",
            "'; DROP TABLE advisory_request; --",
            "\u0000",
            "\uD800",
            "${7*7}",
            "\u202Etest",
            "x".repeat(9000));

    @LocalServerPort
    int port;

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
    void everyTextFieldTakesEveryStringAndGivesItBackEscaped() {
        SignedInClient coordinator = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.29.30");
        String topic = String.valueOf(testing.topic());
        SoftAssertions softly = new SoftAssertions();
        // New requests with the payloads (each tells the operators: a few, to keep the mail queue small).
        coordinator.get("/doradztwo/nowy");
        for (String line : PAYLOADS) {
            HttpResponse<String> answer = coordinator.post(
                    "/doradztwo/nowy",
                    "topicId",
                    topic,
                    "title",
                    PREFIX + " " + line,
                    "description",
                    line,
                    "kind",
                    "GROUP",
                    "mode",
                    "ONLINE",
                    "preferredDates",
                    line,
                    "peopleConcerned",
                    line);
            softly.assertThat(answer.statusCode()).as(line).isIn(302, 422);
            softly.assertThat(answer.body()).as(line).doesNotContain("<script>alert", "<img src=x");
        }
        long hostile = jdbc.sql("select min(id) from advisory_request where title = :t")
                .param("t", PREFIX + " <script>alert(123)</script>")
                .query(Long.class)
                .single();
        softly.assertThat(coordinator.get("/doradztwo/" + hostile).body())
                .contains("&lt;script&gt;alert(123)&lt;/script&gt;")
                .doesNotContain("<script>alert");
        // The operators' e-mail names the title, escaped in its HTML.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.sql("""
                                select html_body from notifications_dev_mailbox
                                where kind = 'advisoryRequested' and text_body like :t
                                """)
                                .param("t", "%" + PREFIX + " <script>alert(123)</script>%")
                                .query(String.class)
                                .list())
                        .isNotEmpty()
                        .allSatisfy(html -> assertThat(html)
                                .contains("&lt;script&gt;alert(123)&lt;/script&gt;")
                                .doesNotContain("<script>alert")));

        // Every line of the list in every field of one request's edit form.
        long id = testing.insertCase("malopolskie", "SUBMITTED", PREFIX + ": edycja", null);
        coordinator.get("/doradztwo/" + id + "/edycja");
        int saved = 0;
        for (String line : NaughtyStrings.payloadsAnd(PAYLOADS)) {
            int version = jdbc.sql("select row_version from advisory_request where id = :id")
                    .param("id", id)
                    .query(Integer.class)
                    .single();
            HttpResponse<String> answer = coordinator.post(
                    "/doradztwo/" + id + "/edycja",
                    "topicId",
                    topic,
                    "title",
                    PREFIX + ": edycja " + line,
                    "description",
                    line,
                    "kind",
                    "INDIVIDUAL",
                    "mode",
                    "IN_PERSON",
                    "preferredDates",
                    line,
                    "peopleConcerned",
                    line,
                    "version",
                    String.valueOf(version));
            softly.assertThat(answer.statusCode()).as(line).isIn(302, 422);
            softly.assertThat(answer.body()).as(line).doesNotContain("<script>alert", "<img src=x");
            if (answer.statusCode() == 302) {
                saved++;
                if (line.contains("<") || line.contains("&")) {
                    String page = coordinator.get("/doradztwo/" + id).body();
                    softly.assertThat(page).as(line).doesNotContain("<script>alert", "<img src=x");
                    String edit =
                            coordinator.get("/doradztwo/" + id + "/edycja").body();
                    softly.assertThat(edit).as(line).doesNotContain("<script>alert", "<img src=x");
                }
            }
        }
        softly.assertThat(saved).isPositive();
        HttpResponse<String> list = coordinator.get("/doradztwo");
        softly.assertThat(list.statusCode()).isEqualTo(200);
        softly.assertThat(list.body()).doesNotContain("<script>alert", "<img src=x");

        // The withdrawal's reason and the rating's comment: refused with the form again (no rating) or stored.
        for (String line : NaughtyStrings.payloadsAnd(PAYLOADS)) {
            long waiting = testing.insertCase("malopolskie", "SUBMITTED", PREFIX + ": wycofanie", null);
            coordinator.get("/doradztwo/" + waiting + "/wycofaj");
            HttpResponse<String> withdrawn =
                    coordinator.post("/doradztwo/" + waiting + "/wycofaj", "potwierdzenie", "tak", "reason", line);
            softly.assertThat(withdrawn.statusCode()).as(line).isIn(302, 422);
            softly.assertThat(withdrawn.body()).as(line).doesNotContain("<script>alert", "<img src=x");
            if (withdrawn.statusCode() == 302 && line.contains("<")) {
                softly.assertThat(coordinator.get("/doradztwo/" + waiting).body())
                        .as(line)
                        .doesNotContain("<script>alert", "<img src=x");
            }
        }
        long completed = testing.insertCase("malopolskie", "COMPLETED", PREFIX + ": ocena", null);
        coordinator.get("/doradztwo/" + completed);
        for (String line : NaughtyStrings.payloadsAnd(PAYLOADS)) {
            HttpResponse<String> answer =
                    coordinator.post("/doradztwo/" + completed + "/ocena", "rating", "", "ratingComment", line);
            softly.assertThat(answer.statusCode()).as(line).isEqualTo(422);
            softly.assertThat(answer.body()).as(line).doesNotContain("<script>alert", "<img src=x");
        }
        HttpResponse<String> rated = coordinator.post(
                "/doradztwo/" + completed + "/ocena", "rating", "3", "ratingComment", "<script>alert(123)</script>");
        softly.assertThat(rated.statusCode()).isEqualTo(302);
        softly.assertThat(coordinator.get("/doradztwo/" + completed).body())
                .contains("&lt;script&gt;alert(123)&lt;/script&gt;")
                .doesNotContain("<script>alert");
        softly.assertAll();
    }

    @Test
    void hostileIdsAndFiltersAreNeverAServerError() {
        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.29.31");
        long id = testing.insertCase("malopolskie", "SUBMITTED", PREFIX + ": identyfikatory", null);
        SoftAssertions softly = new SoftAssertions();
        for (String value : List.of("abc", "-1", "0", "99999999999999999999", "1.5", "%27%3B--", "%3Cscript%3E")) {
            for (String path : List.of(
                    "/doradztwo/" + value,
                    "/doradztwo/" + value + "/edycja",
                    "/doradztwo/" + value + "/wycofaj",
                    "/doradztwo?status=" + value + "&wojewodztwo=" + value + "&temat=" + value + "&ekspert=" + value
                            + "&strona=" + value,
                    "/doradztwo/nowy?potrzeba=" + value)) {
                HttpResponse<String> answer = editor.get(path);
                softly.assertThat(answer.statusCode()).as(path).isLessThan(500);
                softly.assertThat(answer.body()).as(path).doesNotContain("<script>");
            }
            editor.get("/doradztwo/nowy");
            for (String field : List.of("topicId", "kind", "mode", "regionId", "needId")) {
                HttpResponse<String> answer = editor.post(
                        "/doradztwo/nowy",
                        "topicId",
                        String.valueOf(testing.topic()),
                        "title",
                        PREFIX + " " + value,
                        "description",
                        "Opis",
                        "kind",
                        "GROUP",
                        "mode",
                        "ONLINE",
                        "regionId",
                        String.valueOf(testing.region("malopolskie")),
                        field,
                        value);
                softly.assertThat(answer.statusCode()).as(field + "=" + value).isLessThan(500);
            }
            softly.assertThat(editor.post(
                                    "/doradztwo/" + id + "/edycja",
                                    "topicId",
                                    value,
                                    "title",
                                    PREFIX + ": identyfikatory",
                                    "description",
                                    "Opis",
                                    "kind",
                                    value,
                                    "mode",
                                    "ONLINE",
                                    "version",
                                    value)
                            .statusCode())
                    .as(value)
                    .isLessThan(500);
            softly.assertThat(editor.post("/doradztwo/" + id + "/ocena", "rating", value)
                            .statusCode())
                    .as(value)
                    .isLessThan(500);
        }
        softly.assertAll();
    }
}
