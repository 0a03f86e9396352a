package pl.koordes.committees;

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
 * Every line of the Big List of Naughty Strings in every text field of resolutions (title, text) and minutes (text,
 * note of a version, a member's remark), and hostile ids and filters: never a server error, nothing executed; what
 * is stored comes back escaped.
 */
@IntegrationTest
class ResolutionsHostileInputIntegrationTests {

    private static final String PREFIX = "Wroga uchwała";

    private static final List<String> PAYLOADS = List.of(
            "<script>alert(123)</script>",
            "<img src=x onerror=alert(1)>",
            "'; DROP TABLE committee_resolution; --",
            "\u0000",
            "\uD800",
            "${7*7}",
            "\u202Etest",
            "x".repeat(60000));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ResolutionsTesting testing;

    @BeforeEach
    void setUp() {
        testing = new ResolutionsTesting(jdbc, port);
    }

    @AfterEach
    void cleanUp() {
        testing.link(testing.members("malopolskie").getFirst(), null);
        testing.cleanUp(PREFIX);
    }

    @Test
    void everyTextFieldTakesEveryStringAndGivesItBackEscaped() {
        SignedInClient secretary = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.39.30");
        String member = "" + testing.members("malopolskie").getFirst();
        String today = ResolutionsTesting.today().toString();
        long meeting = testing.heldMeeting("malopolskie", PREFIX + " posiedzenie", 1);
        String minutes = "/komitet/malopolskie/posiedzenia/" + meeting + "/protokol";
        secretary.get("/komitet/malopolskie/uchwaly/nowa");
        SoftAssertions softly = new SoftAssertions();
        List<String> lines = NaughtyStrings.payloadsAnd(PAYLOADS);
        for (String line : lines) {
            HttpResponse<String> added = secretary.post(
                    "/komitet/malopolskie/uchwaly/nowa",
                    "kind",
                    "RESOLUTION",
                    "title",
                    PREFIX + " " + line,
                    "body",
                    line,
                    "adoptedOn",
                    today,
                    "votesFor",
                    "1",
                    "votesAgainst",
                    "0",
                    "votesAbstaining",
                    "0",
                    "presentIds",
                    member);
            softly.assertThat(added.statusCode()).as(line).isIn(302, 422);
            softly.assertThat(added.body()).as(line).doesNotContain("<script>alert", "<img src=x");
            int version = jdbc.sql("select coalesce(max(row_version), 0) from committee_minutes where meeting_id = :m")
                    .param("m", meeting)
                    .query(Integer.class)
                    .single();
            HttpResponse<String> saved = secretary.post(minutes, "body", line, "note", line, "version", "" + version);
            softly.assertThat(saved.statusCode()).as(line).isIn(302, 422);
            softly.assertThat(saved.body()).as(line).doesNotContain("<script>alert", "<img src=x");
        }
        HttpResponse<String> list = secretary.get("/komitet/malopolskie/uchwaly");
        softly.assertThat(list.statusCode()).isEqualTo(200);
        softly.assertThat(list.body()).doesNotContain("<script>alert", "<img src=x");
        long hostile = jdbc.sql("select min(id) from committee_resolution where body = '<script>alert(123)</script>'")
                .query(Long.class)
                .single();
        for (String path : List.of(
                "/komitet/malopolskie/uchwaly/" + hostile,
                "/komitet/malopolskie/uchwaly/" + hostile + "/edycja",
                minutes)) {
            HttpResponse<String> page = secretary.get(path);
            softly.assertThat(page.statusCode()).as(path).isEqualTo(200);
            if (!path.equals(minutes)) {
                softly.assertThat(page.body()).as(path).contains("&lt;script&gt;alert(123)&lt;/script&gt;");
            }
            softly.assertThat(page.body()).as(path).doesNotContain("<script>alert", "<img src=x");
        }
        int versions = jdbc.sql("select count(*) from committee_minutes_version where meeting_id = :m")
                .param("m", meeting)
                .query(Integer.class)
                .single();
        for (int n = 1; n <= versions; n += 25) {
            HttpResponse<String> page = secretary.get(minutes + "/wersje/" + n);
            softly.assertThat(page.statusCode()).isEqualTo(200);
            softly.assertThat(page.body()).doesNotContain("<script>alert", "<img src=x");
        }

        // Remarks by a member, each line.
        jdbc.sql(
                        "update committee_minutes set status = 'IN_REVIEW', remarks_until = current_date + 1 where meeting_id = :m")
                .param("m", meeting)
                .update();
        SignedInClient committee = testing.signedIn(DemoAccounts.COMMITTEE_MALOPOLSKIE, "127.0.39.31");
        committee.get(minutes);
        for (String line : lines) {
            HttpResponse<String> remark = committee.post(minutes + "/uwagi", "body", line);
            softly.assertThat(remark.statusCode()).as(line).isIn(302, 422);
            softly.assertThat(remark.body()).as(line).doesNotContain("<script>alert", "<img src=x");
        }
        softly.assertThat(committee.get(minutes).body()).doesNotContain("<script>alert", "<img src=x");

        // Hostile ids and filters: not found or refused, never a server error.
        for (String path : List.of(
                "/komitet/malopolskie/uchwaly/abc",
                "/komitet/malopolskie/uchwaly/99999999999999999999",
                "/komitet/malopolskie/uchwaly?rodzaj=%3Cscript%3E",
                "/komitet/malopolskie/uchwaly?rok=x",
                "/komitet/nieznany/uchwaly",
                minutes + "/wersje/-1",
                "/komitet/malopolskie/posiedzenia/abc/protokol")) {
            softly.assertThat(secretary.get(path).statusCode()).as(path).isBetween(400, 499);
        }
        softly.assertAll();
    }
}
