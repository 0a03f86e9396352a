package pl.koordes.surveys;

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
 * Every line of the Big List of Naughty Strings as a need's topic and description, and hostile values in every
 * id and filter: never a server error; what is stored comes back escaped on the need's page, the list, the
 * event's page and in the topic suggestions.
 */
@IntegrationTest
class NeedsHostileInputIntegrationTests {

    private static final String PREFIX = "Wroga potrzeba";

    private static final List<String> PAYLOADS = List.of(
            "<script>alert(123)</script>",
            "<img src=x onerror=alert(1)>",
            "'; DROP TABLE surveys_need; --",
            "\u0000",
            "\uD800",
            "${7*7}",
            "\u202Etest",
            "x".repeat(5000));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    NeedsTesting testing;

    @BeforeEach
    void setUp() {
        testing = new NeedsTesting(jdbc, port);
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from surveys_need where description like :p")
                .param("p", PREFIX + "%")
                .update();
        testing.cleanUp(PREFIX);
    }

    @Test
    void everyTextFieldTakesEveryStringAndGivesItBackEscaped() {
        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.28.30");
        editor.get("/potrzeby/nowa");
        List<String> lines = NaughtyStrings.payloadsAnd(PAYLOADS);
        SoftAssertions softly = new SoftAssertions();
        int created = 0;
        for (String line : lines) {
            HttpResponse<String> answer =
                    editor.post("/potrzeby/nowa", "topic", line, "description", PREFIX + " " + line);
            softly.assertThat(answer.statusCode()).as(line).isIn(302, 422);
            softly.assertThat(answer.body()).as(line).doesNotContain("<script>alert", "<img src=x");
            if (answer.statusCode() == 302) {
                created++;
                if (line.contains("<") || line.contains("&")) {
                    long id = NeedsTesting.idOf(SignedInClient.location(answer));
                    String page = editor.get("/potrzeby/" + id).body();
                    softly.assertThat(page).as(line).doesNotContain("<script>alert", "<img src=x");
                    HttpResponse<String> edit = editor.get("/potrzeby/" + id + "/edycja");
                    softly.assertThat(edit.statusCode()).as(line).isEqualTo(200);
                    softly.assertThat(edit.body()).as(line).doesNotContain("<script>alert", "<img src=x");
                }
            }
        }
        softly.assertThat(created).isGreaterThan(lines.size() / 2);
        HttpResponse<String> list = editor.get("/potrzeby");
        softly.assertThat(list.statusCode()).isEqualTo(200);
        softly.assertThat(list.body()).doesNotContain("<script>alert", "<img src=x");
        // The topics come back in the suggestions of the form, escaped.
        softly.assertThat(editor.get("/potrzeby/nowa").body()).doesNotContain("<script>alert", "<img src=x");

        // A hostile topic on the event page, which anybody sees.
        long need = jdbc.sql("select min(id) from surveys_need where topic = '<script>alert(123)</script>'")
                .query(Long.class)
                .single();
        long event = testing.event(PREFIX + " wydarzenie", "PUBLISHED", "5 days");
        softly.assertThat(editor.post("/potrzeby/" + need + "/wydarzenie", "eventId", String.valueOf(event))
                        .statusCode())
                .isEqualTo(302);
        String eventPage = new SignedInClient(port, "127.0.28.31")
                .get("/wydarzenia/" + event)
                .body();
        softly.assertThat(eventPage)
                .contains("&lt;script&gt;alert(123)&lt;/script&gt;")
                .doesNotContain("<script>alert");
        softly.assertAll();
    }

    @Test
    void hostileIdsAndFiltersAreNeverAServerError() {
        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.28.32");
        long need = testing.need(PREFIX + ": identyfikatory", null);
        SoftAssertions softly = new SoftAssertions();
        for (String value : List.of("abc", "-1", "0", "99999999999999999999", "1.5", "%27%3B--", "%3Cscript%3E")) {
            for (String path : List.of(
                    "/potrzeby/" + value,
                    "/potrzeby/" + value + "/edycja",
                    "/potrzeby/" + value + "/wydarzenie",
                    "/potrzeby/" + need + "/powiazania/wydarzenie/" + value + "/usun",
                    "/potrzeby/" + need + "/powiazania/" + value + "/1/usun",
                    "/potrzeby?status=" + value + "&wojewodztwo=" + value + "&temat=" + value + "&ankieta=" + value
                            + "&strona=" + value,
                    "/potrzeby/nowa?ankieta=" + value + "&odpowiedz=" + value + "&pytanie=" + value,
                    "/potrzeby/nowa?temat=" + value)) {
                HttpResponse<String> answer = editor.get(path);
                softly.assertThat(answer.statusCode()).as(path).isLessThan(500);
                softly.assertThat(answer.body()).as(path).doesNotContain("<script>");
            }
            for (String[] form :
                    List.of(new String[] {"eventId", value}, new String[] {"eventNumber", value}, new String[] {
                        "utworz", value, "eventId", value
                    })) {
                HttpResponse<String> answer = editor.post("/potrzeby/" + need + "/wydarzenie", form);
                softly.assertThat(answer.statusCode())
                        .as(String.join(",", form))
                        .isLessThan(500);
            }
            HttpResponse<String> create = editor.post(
                    "/potrzeby/nowa",
                    "topic",
                    PREFIX + " " + value,
                    "description",
                    PREFIX,
                    "regionId",
                    value,
                    "surveyId",
                    value,
                    "responseId",
                    value,
                    "questionId",
                    value);
            softly.assertThat(create.statusCode()).as(value).isIn(302, 422);
            HttpResponse<String> edit = editor.post(
                    "/potrzeby/" + need + "/edycja",
                    "topic",
                    PREFIX + ": identyfikatory",
                    "description",
                    PREFIX,
                    "answeredOn",
                    value,
                    "version",
                    value);
            softly.assertThat(edit.statusCode()).as(value).isIn(409, 422);
            HttpResponse<String> source = editor.post(
                    "/potrzeby/zrodla", "need", value, "surveyId", value, "responseId", value, "questionId", value);
            softly.assertThat(source.statusCode()).as(value).isLessThan(500);
        }
        // Cleaned up by the drafts made from the need ("utworz").
        jdbc.sql("delete from event where title = :t")
                .param("t", PREFIX + ": identyfikatory")
                .update();
        softly.assertAll();
    }
}
