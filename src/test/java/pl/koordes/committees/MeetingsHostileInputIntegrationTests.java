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
 * Every line of the Big List of Naughty Strings in every text field of the meetings' forms (title, place,
 * online link, agenda, the reason for cancelling, a member's reason for absence, the note on the marshal's
 * decision, a document's title) and hostile ids: never a server error, nothing executed, what is stored comes
 * back escaped.
 */
@IntegrationTest
class MeetingsHostileInputIntegrationTests {

    private static final String PREFIX = "Wrogie posiedzenie";
    private static final String SPACE = "/komitet/malopolskie";

    private static final List<String> PAYLOADS = List.of(
            "<script>alert(123)</script>",
            "<img src=x onerror=alert(1)>",
            "'; DROP TABLE committee_meeting; --",
            "\u0000",
            "\uD800",
            "${7*7}",
            "\u202Etest",
            "x".repeat(9000));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    MeetingsTesting testing;

    List<Long> demoSeats = List.of();

    @BeforeEach
    void setUp() {
        testing = new MeetingsTesting(jdbc, port);
        testing.cleanUp(PREFIX);
    }

    @AfterEach
    void cleanUp() {
        testing.cleanUp(PREFIX);
        testing.relink(demoSeats, testing.account(DemoAccounts.COMMITTEE_MALOPOLSKIE));
    }

    @Test
    void everyTextFieldTakesEveryStringAndGivesItBackEscaped() {
        long memberAccount = testing.account(DemoAccounts.COMMITTEE_MALOPOLSKIE);
        demoSeats = testing.unlinkSeats(memberAccount);
        testing.member(
                "malopolskie",
                PREFIX + " Członek",
                MeetingsTesting.today().minusYears(1),
                DemoAccounts.COMMITTEE_MALOPOLSKIE,
                memberAccount);
        long answered = testing.meeting(
                "malopolskie", PREFIX + " odpowiedzi", MeetingsTesting.today().plusDays(3), "CONVENED", false);
        // Three held meetings missed without excuse: the flag the rule supports (a cancellation keeps it).
        long[] held = new long[3];
        for (int i = 0; i < 3; i++) {
            held[i] = testing.meeting(
                    "malopolskie",
                    PREFIX + " flaga " + i,
                    MeetingsTesting.today().minusDays(30 - 10L * i),
                    "HELD",
                    false);
            jdbc.sql("""
                            insert into committee_attendance (meeting_id, membership_id, presence)
                            select :m, id, 'ABSENT' from committee_membership where full_name = :n
                            """).param("m", held[i]).param("n", PREFIX + " Członek").update();
        }
        long flag = jdbc.sql("""
                        insert into committee_absence_flag (membership_id, meeting_ids)
                        select id, array[:a, :b, :c] from committee_membership where full_name = :n returning id
                        """)
                .param("a", held[0])
                .param("b", held[1])
                .param("c", held[2])
                .param("n", PREFIX + " Członek")
                .query(Long.class)
                .single();
        SignedInClient secretary = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.35.60");
        SignedInClient member = testing.signedIn(DemoAccounts.COMMITTEE_MALOPOLSKIE, "127.0.35.61");
        String day = MeetingsTesting.today().plusDays(30).toString();
        List<String> lines = NaughtyStrings.payloadsAnd(PAYLOADS);
        SoftAssertions softly = new SoftAssertions();
        int created = 0;
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index);
            HttpResponse<String> meeting = secretary.post(
                    SPACE + "/posiedzenia/nowe",
                    "title",
                    PREFIX + " " + line,
                    "meetingDate",
                    day,
                    "startTime",
                    "10:00",
                    "endTime",
                    "12:00",
                    "meetingPlace",
                    line,
                    "onlineUrl",
                    "",
                    "agenda",
                    line);
            softly.assertThat(meeting.statusCode())
                    .as("meeting status, line %d", index)
                    .isIn(302, 422);
            softly.assertThat(meeting.body())
                    .as("meeting body, line %d", index)
                    .doesNotContain("<script>alert", "<img src=x");
            HttpResponse<String> link = secretary.post(
                    SPACE + "/posiedzenia/nowe",
                    "title",
                    PREFIX + " link",
                    "meetingDate",
                    day,
                    "startTime",
                    "10:00",
                    "endTime",
                    "12:00",
                    "onlineUrl",
                    "https://spotkanie.example/" + line);
            softly.assertThat(link.statusCode())
                    .as("link status, line %d", index)
                    .isIn(302, 422);
            softly.assertThat(link.body())
                    .as("link body, line %d", index)
                    .doesNotContain("<script>alert", "<img src=x");
            if (meeting.statusCode() == 302) {
                created++;
                String path = SignedInClient.location(meeting);
                HttpResponse<String> document = secretary.post(path + "/dokumenty", "title", line);
                softly.assertThat(document.statusCode())
                        .as("document status, line %d", index)
                        .isIn(422);
                HttpResponse<String> cancel =
                        secretary.post(path + "/odwolaj", "cancelReason", line, "potwierdzenie", "tak");
                softly.assertThat(cancel.statusCode())
                        .as("cancel status, line %d", index)
                        .isIn(302, 422);
                softly.assertThat(cancel.body())
                        .as("cancel body, line %d", index)
                        .doesNotContain("<script>alert", "<img src=x");
            }
            HttpResponse<String> answer = member.post(
                    SPACE + "/posiedzenia/" + answered + "/odpowiedz",
                    "meetingAnswer",
                    "EXCUSED",
                    "answerReason",
                    line);
            softly.assertThat(answer.statusCode())
                    .as("answer status, line %d", index)
                    .isIn(302, 422);
            softly.assertThat(answer.body())
                    .as("answer body, line %d", index)
                    .doesNotContain("<script>alert", "<img src=x");
            HttpResponse<String> decision = secretary.post(
                    SPACE + "/nieobecnosci/" + flag,
                    "decision",
                    "KEPT",
                    "decisionDate",
                    "nie-data",
                    "decisionNote",
                    line);
            softly.assertThat(decision.statusCode())
                    .as("decision status, line %d", index)
                    .isEqualTo(422);
            softly.assertThat(decision.body())
                    .as("decision body, line %d", index)
                    .doesNotContain("<script>alert", "<img src=x");
        }
        softly.assertThat(created).isGreaterThan(lines.size() / 2);
        for (String hostileId : List.of("-1", "99999999999999999999", "1%00", "abc", "1;drop")) {
            HttpResponse<String> page = secretary.get(SPACE + "/posiedzenia/" + hostileId);
            softly.assertThat(page.statusCode()).as(hostileId).isIn(400, 404);
        }
        softly.assertThat(secretary.get(SPACE).body())
                .contains("&lt;script&gt;alert(123)&lt;/script&gt;")
                .doesNotContain("<script>alert", "<img src=x");
        softly.assertThat(secretary.get(SPACE + "/posiedzenia/" + answered).body())
                .doesNotContain("<script>alert", "<img src=x");
        softly.assertAll();
    }
}
