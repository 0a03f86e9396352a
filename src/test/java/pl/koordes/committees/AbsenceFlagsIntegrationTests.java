package pl.koordes.committees;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.directory.internal.KeptWorkspaces;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * The three-absences rule as the secretary meets it (issue 16): attendance recorded meeting after meeting through
 * the form flags a member exactly when three consecutive meetings held during their membership were missed
 * without excuse — an excuse breaks the streak, a member who joined mid-way is judged from joining, a cancelled
 * meeting neither breaks nor extends it — once per streak, audited; a correction withdraws a flag no longer
 * supported; the marshal's dismissal ends the membership on its date.
 */
@IntegrationTest
class AbsenceFlagsIntegrationTests {

    private static final String PREFIX = "Test nieobecności";
    private static final String SPACE = "/komitet/malopolskie";
    /** Before the demo committees' terms: no demo member sits then, so the demo's own streaks stay as they are. */
    private static final LocalDate BEFORE_DEMO = LocalDate.of(2024, 3, 1);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KeptWorkspaces workspaces;

    MeetingsTesting testing;

    @BeforeEach
    void setUp() {
        testing = new MeetingsTesting(jdbc, port);
        testing.cleanUp(PREFIX);
    }

    @AfterEach
    void cleanUp() {
        testing.cleanUp(PREFIX);
        workspaces.forget();
    }

    @Test
    void membersAreFlaggedExactlyWhenTheRuleSays() {
        LocalDate today = MeetingsTesting.today();
        LocalDate[] days = new LocalDate[8];
        long[] meetings = new long[8];
        for (int i = 1; i <= 7; i++) {
            days[i] = BEFORE_DEMO.plusDays(10L * i);
            meetings[i] = testing.meeting("malopolskie", PREFIX + " posiedzenie " + i, days[i], "CONVENED", false);
        }
        long always = testing.member(
                "malopolskie", PREFIX + " Anna Zawsze", days[1].minusDays(5), "anna@test.koordes.example", null);
        long joined = testing.member(
                "malopolskie", PREFIX + " Bogdan Później", days[3].plusDays(2), "bogdan@test.koordes.example", null);
        long around = testing.member(
                "malopolskie", PREFIX + " Celina Obok", days[1].minusDays(5), "celina@test.koordes.example", null);
        SignedInClient secretary = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.35.10");
        // Added by hand in SQL, past the write paths that tell the coordinators' workspaces kept in memory.
        workspaces.forget();
        assertThat(workspaceRow(secretary, "Anna Zawsze")).contains("bez terminu");

        record(secretary, meetings[1], days[1], Map.of(always, "ABSENT"));
        record(secretary, meetings[2], days[2], Map.of(always, "ABSENT", around, "ABSENT"));
        record(secretary, meetings[3], days[3], Map.of(always, "EXCUSED", around, "ABSENT"));
        assertThat(testing.flags(always)).isEmpty();
        assertThat(testing.flags(around)).isEmpty();

        // A row for a member who had not joined yet is refused: the form is the members sitting that day.
        HttpResponse<String> outsider = secretary.post(
                SPACE + "/posiedzenia/" + meetings[3] + "/obecnosc",
                withRow(testing.attendance("malopolskie", days[3], Map.of()), joined));
        assertThat(outsider.statusCode()).isEqualTo(409);

        // The fourth meeting is cancelled: it was never held, so it neither breaks nor extends a streak.
        secretary.get(SPACE + "/posiedzenia/" + meetings[4] + "/odwolaj");
        HttpResponse<String> cancelled = secretary.post(
                SPACE + "/posiedzenia/" + meetings[4] + "/odwolaj",
                "cancelReason",
                "Brak kworum",
                "potwierdzenie",
                "tak");
        assertThat(cancelled.statusCode()).isEqualTo(302);
        assertThat(testing.status(meetings[4])).isEqualTo("CANCELLED");

        record(secretary, meetings[5], days[5], Map.of(always, "ABSENT", joined, "ABSENT", around, "ABSENT"));
        assertThat(testing.flags(around)).containsExactly(List.of(meetings[2], meetings[3], meetings[5]));
        assertThat(testing.flags(always))
                .as("the excuse at the third meeting broke the streak")
                .isEmpty();
        assertThat(testing.flags(joined)).as("judged from joining").isEmpty();
        assertThat(testing.audits("COMMITTEE_ABSENCE_FLAGGED", around)).isEqualTo(1);

        record(secretary, meetings[6], days[6], Map.of(always, "ABSENT", joined, "ABSENT"));
        assertThat(testing.flags(always)).isEmpty();
        assertThat(testing.flags(joined)).isEmpty();

        record(secretary, meetings[7], days[7], Map.of(always, "ABSENT", joined, "ABSENT"));
        assertThat(testing.flags(always)).containsExactly(List.of(meetings[5], meetings[6], meetings[7]));
        assertThat(testing.flags(joined)).containsExactly(List.of(meetings[5], meetings[6], meetings[7]));
        assertThat(testing.flags(around)).containsExactly(List.of(meetings[2], meetings[3], meetings[5]));

        // Recording the same attendance again raises nothing new.
        record(secretary, meetings[7], days[7], Map.of(always, "ABSENT", joined, "ABSENT"));
        assertThat(testing.flags(always)).hasSize(1);
        assertThat(testing.audits("COMMITTEE_ABSENCE_FLAGGED", always)).isEqualTo(1);

        // A correction withdraws the flag the new record no longer supports (audited).
        record(secretary, meetings[5], days[5], Map.of(always, "ABSENT", joined, "ABSENT", around, "EXCUSED"));
        assertThat(testing.flags(around)).isEmpty();
        assertThat(testing.audits("COMMITTEE_ABSENCE_FLAGGED", around)).isEqualTo(2);
        assertThat(testing.status(meetings[5])).isEqualTo("HELD");

        // The space shows the flags with the days of the meetings, to the secretary only.
        String space = secretary.get(SPACE).body();
        assertThat(space).contains(PREFIX + " Anna Zawsze").contains(PREFIX + " Bogdan Później");
        SignedInClient member = testing.signedIn(DemoAccounts.COMMITTEE_MALOPOLSKIE, "127.0.35.11");
        assertThat(member.get(SPACE).body()).doesNotContain(PREFIX + " Anna Zawsze");

        // The marshal dismisses: asked first, then the membership ends on the decision's day (history kept).
        long flag = jdbc.sql("select id from committee_absence_flag where membership_id = :m")
                .param("m", always)
                .query(Long.class)
                .single();
        String decisionPath = SPACE + "/nieobecnosci/" + flag;
        secretary.get(decisionPath);
        HttpResponse<String> asked = secretary.post(
                decisionPath, "decision", "DISMISSED", "decisionDate", today.toString(), "decisionNote", "Pismo");
        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(SignedInClient.location(asked)).contains("/odwolanie?decisionDate=" + today);
        assertThat(secretary.get(SignedInClient.location(asked)).statusCode()).isEqualTo(200);
        HttpResponse<String> early = secretary.post(
                decisionPath, "decision", "DISMISSED", "decisionDate", days[5].toString(), "potwierdzenie", "tak");
        assertThat(early.statusCode()).as("before the streak ended").isEqualTo(422);
        HttpResponse<String> decided = secretary.post(
                decisionPath,
                "decision",
                "DISMISSED",
                "decisionDate",
                today.toString(),
                "decisionNote",
                "Pismo",
                "potwierdzenie",
                "tak");
        assertThat(decided.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select term_end from committee_membership where id = :m")
                        .param("m", always)
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(today);
        // The coordinator's workspace, kept in memory, shows the end at once.
        assertThat(workspaceRow(secretary, "Anna Zawsze"))
                .contains(today.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")))
                .doesNotContain("bez terminu");
        assertThat(testing.audits("COMMITTEE_ABSENCE_DECIDED", always)).isEqualTo(1);
        HttpResponse<String> again = secretary.post(
                decisionPath, "decision", "KEPT", "decisionDate", today.toString(), "potwierdzenie", "tak");
        assertThat(again.statusCode()).isEqualTo(409);
    }

    /** The member's row in the coordinator's workspace of małopolskie. */
    private static String workspaceRow(SignedInClient coordinator, String name) {
        String page = coordinator.get("/koordynacja/malopolskie").body();
        int start = page.indexOf(PREFIX + " " + name);
        assertThat(start).as(name + " in the workspace").isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private void record(SignedInClient secretary, long meeting, LocalDate day, Map<Long, String> presence) {
        String path = SPACE + "/posiedzenia/" + meeting + "/obecnosc";
        assertThat(secretary.get(path).statusCode()).isEqualTo(200);
        HttpResponse<String> response = secretary.post(path, testing.attendance("malopolskie", day, presence));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        assertThat(testing.status(meeting)).isEqualTo("HELD");
    }

    private static String[] withRow(String[] fields, long membershipId) {
        int i = fields.length / 4;
        String[] more = java.util.Arrays.copyOf(fields, fields.length + 4);
        more[fields.length] = "presences[" + i + "].membershipId";
        more[fields.length + 1] = String.valueOf(membershipId);
        more[fields.length + 2] = "presences[" + i + "].presence";
        more[fields.length + 3] = "ABSENT";
        return more;
    }
}
