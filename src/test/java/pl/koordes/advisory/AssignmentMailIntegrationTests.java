package pl.koordes.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
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
 * The assignment's mail through real SMTP (GreenMail): the region's coordinators hear of the decision (the
 * reason of a refusal escaped, never markup), an expert hears of an assignment with the case's title, region and
 * a link to it, each also in the application; the operator who acted is told nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// Its own context and PostgreSQL: its changes are committed (mail and notices go after commit).
@DirtiesContext
class AssignmentMailIntegrationTests {

    private static final String HOSTILE = "<script>alert('doradztwo')</script> & \"cudzysłów\"";
    private static final String PREFIX = "Test poczty przydziału";

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

    @Test
    void theRegionHearsOfTheDecisionAndTheExpertOfTheAssignment() throws Exception {
        AssignmentTesting testing = new AssignmentTesting(jdbc, port);
        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.30.70");
        long expert = testing.account(DemoAccounts.EXPERT);
        long coordinator = testing.account(DemoAccounts.COORDINATOR_MALOPOLSKIE);
        String title = PREFIX + " " + HOSTILE;
        long accepted = testing.submitted("malopolskie", title);
        editor.get("/doradztwo/" + accepted + "/decyzja");
        HttpResponse<String> answer = editor.post(
                "/doradztwo/" + accepted + "/decyzja",
                "decision",
                "ACCEPT",
                "hoursLimit",
                "2,5",
                "expertIds",
                "" + expert);
        assertThat(answer.statusCode()).isEqualTo(302);

        MimeMessage decided = smtp.awaitMessage(DemoAccounts.COORDINATOR_MALOPOLSKIE, "Wniosek o doradztwo przyjęty");
        String html = TestSmtp.part(decided, "text/html");
        assertThat(html)
                .contains("Dzień dobry")
                .contains("2,5 godziny")
                .contains("małopolskie")
                .contains(TestSmtp.BASE_URL + "doradztwo/" + accepted)
                .contains("&lt;script&gt;")
                .doesNotContain("<script>");
        MimeMessage assigned = smtp.awaitMessage(DemoAccounts.EXPERT, "Przydzielono Ci sprawę doradczą");
        String assignedHtml = TestSmtp.part(assigned, "text/html");
        assertThat(assignedHtml)
                .contains("małopolskie")
                .contains(TestSmtp.BASE_URL + "doradztwo/" + accepted)
                .contains("Z poważaniem")
                .doesNotContain("<script>");
        assertThat(TestSmtp.part(assigned, "text/plain")).contains(PREFIX);
        assertThat(smtp.to(DemoAccounts.EDITOR)).isEmpty();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(notices(expert, "advisory-assigned")).isEqualTo(1);
            assertThat(notices(coordinator, "advisory-decided")).isEqualTo(1);
        });

        long declined = testing.submitted("malopolskie", PREFIX + " odrzucony");
        assertThat(editor.post(
                                "/doradztwo/" + declined + "/decyzja",
                                "decision",
                                "DECLINE",
                                "decisionReason",
                                "Powód: " + HOSTILE)
                        .statusCode())
                .isEqualTo(302);
        MimeMessage refusal = smtp.awaitMessage(DemoAccounts.COORDINATOR_MALOPOLSKIE, "Wniosek o doradztwo odrzucony");
        assertThat(TestSmtp.part(refusal, "text/html"))
                .contains("Powód: &lt;script&gt;")
                .doesNotContain("<script>");
    }

    private long notices(long account, String kind) {
        return jdbc.sql(
                        "select count(*) from notifications_notice where account_id = :a and kind = :k and text like :t")
                .param("a", account)
                .param("k", kind)
                .param("t", "%" + PREFIX + "%")
                .query(Long.class)
                .single();
    }
}
