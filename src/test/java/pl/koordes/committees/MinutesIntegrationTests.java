package pl.koordes.committees;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.SignedInClient;
import pl.koordes.support.TestSmtp;

/**
 * The minutes of a held meeting, through real SMTP (GreenMail): the secretary saves versions (none overwritten,
 * each readable with what changed), a version read before another is a conflict; draft minutes are the
 * secretary's alone; sent for remarks, every member sitting that day is e-mailed and a linked account told in the
 * application; members remark until the day (after it: 409), then the secretary adopts them (final).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
class MinutesIntegrationTests {

    private static final String PREFIX = "Test protokołu";

    @RegisterExtension
    static final TestSmtp smtp = TestSmtp.onFreePort();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        smtp.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ResolutionsTesting testing;
    long linked;
    /** Whether the demo data had already linked the demo member's account to a seat (then it stays so). */
    boolean linkedByDemo;

    @BeforeEach
    void setUp() {
        testing = new ResolutionsTesting(jdbc, port);
        // The member's own seat when the demo data linked one: a second seat would tell the account twice.
        List<Long> demoSeat = jdbc.sql("""
                        select m.id from committee_membership m join account a on a.id = m.account_id
                        where a.email = :email and m.id in (:members) order by m.id limit 1
                        """)
                .param("email", DemoAccounts.COMMITTEE_MALOPOLSKIE)
                .param("members", testing.members("malopolskie"))
                .query(Long.class)
                .list();
        linkedByDemo = !demoSeat.isEmpty();
        linked = linkedByDemo
                ? demoSeat.getFirst()
                : testing.members("malopolskie").getFirst();
    }

    @AfterEach
    void cleanUp() {
        if (!linkedByDemo) {
            testing.link(linked, null);
        }
        testing.cleanUp(PREFIX);
    }

    @Test
    void draftSendRemarkAdopt() throws Exception {
        long meeting = testing.heldMeeting("malopolskie", PREFIX + " <b>posiedzenie</b>", 2);
        String path = "/komitet/malopolskie/posiedzenia/" + meeting + "/protokol";
        long memberAccount = testing.account(DemoAccounts.COMMITTEE_MALOPOLSKIE);
        testing.link(linked, memberAccount);
        SignedInClient secretary = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.39.10");
        SignedInClient member = testing.signedIn(DemoAccounts.COMMITTEE_MALOPOLSKIE, "127.0.39.11");
        SignedInClient participant = testing.signedIn(DemoAccounts.PARTICIPANT, "127.0.39.12");
        SignedInClient otherRegion = testing.signedIn(DemoAccounts.COORDINATOR_SLASKIE, "127.0.39.13");

        HttpResponse<String> empty = secretary.get(path);
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(member.get(path).statusCode()).isEqualTo(404);

        HttpResponse<String> first =
                secretary.post(path, "body", "Otwarcie posiedzenia.\nDyskusja o planie.", "version", "0");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(302);
        assertThat(SignedInClient.location(first)).endsWith(path + "/wersje/1");
        // The day for remarks is a week from today unless chosen (koordes.committees.remarks-days).
        assertThat(secretary.get(path).body())
                .contains(ResolutionsTesting.today().plusDays(7).toString());
        // Draft minutes: the secretary's alone, also by the version's address.
        for (SignedInClient outsider : List.of(member, participant, otherRegion)) {
            assertThat(outsider.get(path).statusCode()).isEqualTo(404);
            assertThat(outsider.get(path + "/wersje/1").statusCode()).isEqualTo(404);
        }
        assertThat(testing.anonymous("127.0.39.14").get(path).statusCode()).isEqualTo(302);

        secretary.get(path);
        HttpResponse<String> second = secretary.post(
                path,
                "body",
                "Otwarcie posiedzenia.\nDyskusja o planie i budżecie.",
                "note",
                "poprawka",
                "version",
                "1");
        assertThat(second.statusCode()).isEqualTo(302);
        HttpResponse<String> stale =
                secretary.post(path, "body", "Mój tekst, którego nie wolno zgubić", "version", "1");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Mój tekst, którego nie wolno zgubić");
        String diff = secretary.get(path + "/wersje/2").body();
        assertThat(diff)
                .contains("<del>")
                .contains("Dyskusja o planie.")
                .contains("<ins>")
                .contains("Dyskusja o planie i budżecie.");
        assertThat(secretary.get(path + "/wersje/1").body()).contains("Dyskusja o planie.");

        secretary.get(path);
        HttpResponse<String> sent = secretary.post(
                path + "/wyslij",
                "remarksUntil",
                ResolutionsTesting.today().plusDays(3).toString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        String email = jdbc.sql("select email from committee_membership where id = :m")
                .param("m", linked)
                .query(String.class)
                .single();
        MimeMessage mail = smtp.awaitMessage(email, "do uwag");
        String html = TestSmtp.part(mail, "text/html");
        assertThat(html)
                .contains(TestSmtp.BASE_URL + path.substring(1))
                .contains("&lt;b&gt;posiedzenie")
                .doesNotContain("<b>posiedzenie");
        org.awaitility.Awaitility.await()
                .untilAsserted(() -> assertThat(testing.notices(memberAccount, "committee-minutes-review"))
                        .isEqualTo(1));

        assertThat(member.get(path).body()).contains("Dyskusja o planie i budżecie.");
        assertThat(participant.get(path).statusCode()).isEqualTo(404);
        assertThat(otherRegion.get(path).statusCode()).isEqualTo(404);
        member.get(path);
        HttpResponse<String> remark = member.post(path + "/uwagi", "body", "Proszę dopisać termin.");
        assertThat(remark.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select membership_id from committee_minutes_remark where meeting_id = :m")
                        .param("m", meeting)
                        .query(Long.class)
                        .single())
                .isEqualTo(linked);
        assertThat(secretary.get(path).body()).contains("Proszę dopisać termin.");
        assertThat(secretary
                        .post(path + "/uwagi", "body", "Sekretarz nie uwaguje")
                        .statusCode())
                .isEqualTo(403);

        jdbc.sql("update committee_minutes set remarks_until = current_date - 1 where meeting_id = :m")
                .param("m", meeting)
                .update();
        member.get("/konto");
        HttpResponse<String> late = member.post(path + "/uwagi", "body", "Za późno");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("Termin uwag do protokołu minął");

        assertThat(secretary.get(path + "/przyjmij").body())
                .contains("Przyjąć protokół?")
                .contains("wersja 2");
        assertThat(secretary.post(path + "/przyjmij", "potwierdzenie", "tak").statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql("select status from committee_minutes where meeting_id = :m")
                        .param("m", meeting)
                        .query(String.class)
                        .single())
                .isEqualTo("ADOPTED");
        org.awaitility.Awaitility.await()
                .untilAsserted(() -> assertThat(testing.notices(memberAccount, "committee-minutes-adopted"))
                        .isEqualTo(1));
        secretary.get(path);
        assertThat(secretary.post(path, "body", "Po przyjęciu", "version", "4").statusCode())
                .isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from committee_minutes_version where meeting_id = :m")
                        .param("m", meeting)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        for (String action : List.of(
                "COMMITTEE_MINUTES_SAVED",
                "COMMITTEE_MINUTES_SENT",
                "COMMITTEE_MINUTES_REMARKED",
                "COMMITTEE_MINUTES_ADOPTED")) {
            assertThat(testing.audits(action, meeting)).as(action).isPositive();
        }
    }
}
