package pl.koordes.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
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
 * Every line of the Big List of Naughty Strings as the reason for declining (which the region reads), as a
 * topic's Polish and English name (new and renamed), and in every number and id of the assignment forms: never a
 * server error, nothing executed; what is stored comes back escaped on the case page and the topics' pages.
 */
@IntegrationTest
class AssignmentHostileInputIntegrationTests {

    private static final String PREFIX = "Test wrogiego przydziału";

    private static final List<String> PAYLOADS = List.of(
            "<script>alert(123)</script>",
            "<img src=x onerror=alert(1)>",
            "'; DROP TABLE advisory_request; --",
            "\u0000",
            "\uD800",
            "${7*7}",
            "\u202Etest",
            "x".repeat(5000));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    AssignmentTesting testing;

    @BeforeEach
    void setUp() {
        testing = new AssignmentTesting(jdbc, port);
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from account where email = 'ekspert.wrogi@test.koordes.example'")
                .update();
        jdbc.sql("delete from advisory_topic where name_en like :p")
                .param("p", PREFIX + "%")
                .update();
        testing.cleanUp(PREFIX);
    }

    @Test
    void everyReasonIsStoredAsTextAndComesBackEscaped() {
        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.30.60");
        editor.get("/doradztwo/tematy");
        List<String> lines = NaughtyStrings.payloadsAnd(PAYLOADS);
        SoftAssertions softly = new SoftAssertions();
        int declined = 0;
        for (String line : lines) {
            long id = testing.submitted("malopolskie", PREFIX + ": powód");
            HttpResponse<String> answer =
                    editor.post("/doradztwo/" + id + "/decyzja", "decision", "DECLINE", "decisionReason", line);
            softly.assertThat(answer.statusCode()).as(line).isIn(302, 422);
            softly.assertThat(answer.body()).as(line).doesNotContain("<script>alert", "<img src=x");
            if (answer.statusCode() == 302) {
                declined++;
                if (line.contains("<") || line.contains("&")) {
                    String page = editor.get("/doradztwo/" + id).body();
                    softly.assertThat(page).as(line).doesNotContain("<script>alert", "<img src=x");
                }
            }
        }
        softly.assertThat(declined).isGreaterThan(lines.size() / 2);
        long hostile = jdbc.sql("""
                        select min(id) from advisory_request where decline_reason = '<script>alert(123)</script>'
                        """).query(Long.class).single();
        softly.assertThat(editor.get("/doradztwo/" + hostile).body())
                .contains("&lt;script&gt;alert(123)&lt;/script&gt;");
        softly.assertAll();
    }

    @Test
    void everyTopicNameIsStoredAsTextAndComesBackEscaped() {
        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.30.61");
        editor.get("/doradztwo/tematy");
        List<String> lines = NaughtyStrings.payloadsAnd(PAYLOADS);
        SoftAssertions softly = new SoftAssertions();
        int added = 0;
        int index = 0;
        for (String line : lines) {
            HttpResponse<String> answer = editor.post(
                    "/doradztwo/tematy",
                    "namePl",
                    line,
                    "nameEn",
                    PREFIX + " " + index++ + " " + line,
                    "topicPosition",
                    "500");
            softly.assertThat(answer.statusCode()).as(line).isIn(302, 422);
            softly.assertThat(answer.body()).as(line).doesNotContain("<script>alert", "<img src=x");
            if (answer.statusCode() == 302) {
                added++;
            }
        }
        softly.assertThat(added).isGreaterThan(lines.size() / 3);
        HttpResponse<String> list = editor.get("/doradztwo/tematy");
        softly.assertThat(list.statusCode()).isEqualTo(200);
        softly.assertThat(list.body())
                .contains("&lt;script&gt;alert(123)&lt;/script&gt;")
                .doesNotContain("<script>alert", "<img src=x");
        long topic = jdbc.sql("select id from advisory_topic where name_pl = '<script>alert(123)</script>'")
                .query(Long.class)
                .single();
        for (String line : PAYLOADS) {
            HttpResponse<String> renamed = editor.post(
                    "/doradztwo/tematy/" + topic,
                    "namePl",
                    line,
                    "nameEn",
                    PREFIX + " renamed " + line,
                    "topicPosition",
                    "501",
                    "topicActive",
                    "true");
            softly.assertThat(renamed.statusCode()).as(line).isIn(302, 422);
            softly.assertThat(renamed.body()).as(line).doesNotContain("<script>alert", "<img src=x");
        }
        softly.assertAll();
    }

    @Test
    void hostileNumbersAndIdsAreNeverAServerError() {
        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.30.62");
        long id = testing.accepted("malopolskie", PREFIX + ": liczby", "4");
        long submitted = testing.submitted("malopolskie", PREFIX + ": liczby złożony");
        // An expert of its own: "2,5,5" is a list of ids to Spring, and a demo expert's profile must not change.
        long expert = jdbc.sql("""
                        insert into account (email, display_name, status, language)
                        values ('ekspert.wrogi@test.koordes.example', 'Ekspert wrogich danych', 'ACTIVE', 'pl')
                        returning id
                        """).query(Long.class).single();
        jdbc.sql("insert into role_assignment (account_id, role) values (:a, 'EXPERT')")
                .param("a", expert)
                .update();
        editor.get("/doradztwo/tematy");
        SoftAssertions softly = new SoftAssertions();
        for (String value :
                List.of("abc", "-1", "0", "99999999999999999999", "1e9", "2,5,5", "%27%3B--", "<script>", "NaN")) {
            for (String path : List.of(
                    "/doradztwo/" + value + "/decyzja",
                    "/doradztwo/" + value + "/eksperci",
                    "/doradztwo/" + id + "/eksperci/" + value + "/usun",
                    "/doradztwo/eksperci/" + value,
                    "/doradztwo/tematy/" + value)) {
                HttpResponse<String> answer =
                        editor.get(path.replace("<", "%3C").replace(">", "%3E"));
                softly.assertThat(answer.statusCode()).as(path).isLessThan(500);
            }
            // The token of a page with a form, so that the posts reach the forms' checks.
            editor.get("/doradztwo/tematy");
            List<String[]> posts = List.of(
                    new String[] {"/doradztwo/" + submitted + "/decyzja", "decision", value, "hoursLimit", value},
                    new String[] {
                        "/doradztwo/" + submitted + "/decyzja",
                        "decision",
                        "ACCEPT",
                        "hoursLimit",
                        value,
                        "expertIds",
                        value
                    },
                    new String[] {"/doradztwo/" + id + "/eksperci", "expertIds", value, "version", value},
                    new String[] {"/doradztwo/" + id + "/limit", "hoursLimit", value},
                    new String[] {"/doradztwo/" + id + "/sesje/1/zgoda", "decyzja", value},
                    new String[] {
                        "/doradztwo/tematy", "namePl", PREFIX + value, "nameEn", PREFIX + value, "topicPosition", value
                    },
                    new String[] {"/doradztwo/eksperci/" + expert, "topicIds", value, "regionIds", value});
            for (String[] post : posts) {
                HttpResponse<String> answer = editor.post(post[0], Arrays.copyOfRange(post, 1, post.length));
                softly.assertThat(answer.statusCode())
                        .as(String.join(" ", post))
                        .isLessThan(500);
                softly.assertThat(answer.body()).as(String.join(" ", post)).doesNotContain("<script>");
            }
        }
        softly.assertAll();
        assertThat(testing.status(submitted)).isEqualTo("SUBMITTED");
    }
}
