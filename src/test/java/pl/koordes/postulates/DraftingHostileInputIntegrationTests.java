package pl.koordes.postulates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.NaughtyStrings;
import pl.koordes.support.SignedInClient;

/**
 * Every line of the Big List of Naughty Strings in every text field of the drafting forms (the draft's
 * title, problem, proposal and justification; the reason for a withdrawal): never a server error, and
 * what is stored comes back escaped on the postulate's page, the region's list and in the operators' e-mail.
 */
@IntegrationTest
class DraftingHostileInputIntegrationTests {

    private static final List<String> PAYLOADS = List.of(
            "<script>alert(123)</script>",
            "<img src=x onerror=alert(1)>",
            "'; DROP TABLE postulates_postulate; --",
            "\u0000",
            "\uD800",
            "${7*7}",
            "\u202Etest",
            "x".repeat(20000));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private long mrpips() {
        return jdbc.sql("select id from institution where kind = 'CENTRAL' and short_name = 'MRPiPS'")
                .query(Long.class)
                .single();
    }

    @Test
    void everyTextFieldTakesEveryStringAndGivesItBackEscaped() {
        SignedInClient coordinator = new SignedInClient(port, "127.0.17.30");
        jdbc.sql("update account set totp_last_step = null where email = :email")
                .param("email", DemoAccounts.COORDINATOR_MALOPOLSKIE)
                .update();
        coordinator.signInFully(DemoAccounts.COORDINATOR_MALOPOLSKIE, DemoAccounts.PASSWORD, DemoAccounts.TOTP_SECRET);
        coordinator.get("/postulaty/region/malopolskie/nowy");
        String addressee = Long.toString(mrpips());
        List<String> lines = NaughtyStrings.payloadsAnd(PAYLOADS);
        List<Long> created = new ArrayList<>();
        SoftAssertions softly = new SoftAssertions();
        try {
            for (String line : lines) {
                HttpResponse<String> answer = coordinator.post(
                        "/postulaty/region/malopolskie/nowy",
                        "title",
                        line,
                        "problem",
                        line,
                        "proposal",
                        line,
                        "justification",
                        line,
                        "addressee",
                        addressee);
                softly.assertThat(answer.statusCode()).as(line).isIn(302, 422);
                if (answer.statusCode() == 302) {
                    String location = SignedInClient.location(answer);
                    long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
                    created.add(id);
                    if (line.contains("<") || line.contains("&")) {
                        String page = coordinator.get("/postulaty/" + id).body();
                        softly.assertThat(page).as(line).doesNotContain("<script>alert", "<img src=x");
                    }
                } else {
                    softly.assertThat(answer.body()).as(line).doesNotContain("<script>alert", "<img src=x");
                }
            }
            softly.assertThat(created.size()).isGreaterThan(lines.size() / 2);
            HttpResponse<String> list = coordinator.get("/postulaty/region/malopolskie");
            softly.assertThat(list.statusCode()).isEqualTo(200);
            softly.assertThat(list.body()).doesNotContain("<script>alert", "<img src=x");

            // A hostile title submitted: the operators' e-mail carries it escaped.
            coordinator.get("/postulaty/region/malopolskie/nowy");
            HttpResponse<String> draft = coordinator.post(
                    "/postulaty/region/malopolskie/nowy",
                    "title",
                    "<script>alert('mail')</script> Wrogi tytuł",
                    "problem",
                    "p",
                    "proposal",
                    "r",
                    "addressee",
                    addressee);
            String location = SignedInClient.location(draft);
            long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
            created.add(id);
            coordinator.get("/postulaty/" + id + "/zloz");
            assertThat(coordinator
                            .post("/postulaty/" + id + "/zloz", "potwierdzenie", "tak")
                            .statusCode())
                    .isEqualTo(302);
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(jdbc.sql("""
                                    select html_body from notifications_dev_mailbox where recipient = :to
                                    and kind = 'postulateSubmitted' and text_body like '%Wrogi tytuł%'""")
                                    .param("to", DemoAccounts.EDITOR)
                                    .query(String.class)
                                    .list())
                            .isNotEmpty()
                            .allSatisfy(html -> assertThat(html).doesNotContain("<script>alert")));

            // The reason for a withdrawal, each on a fresh submitted postulate.
            for (String line : lines.stream()
                    .filter(l -> l.contains("<") || l.contains("\u0000"))
                    .limit(40)
                    .toList()) {
                long submitted = jdbc.sql("""
                                insert into postulates_postulate (region_id, addressee_id, title, problem, proposal,
                                    status, created_at, updated_at, submitted_at, signing_closes_at)
                                values ((select id from region where slug = 'malopolskie'), :addressee,
                                        'Do wycofania', 'p', 'r', 'SUBMITTED', now(), now(), now(), now() + interval '14 days')
                                returning id""")
                        .param("addressee", mrpips())
                        .query(Long.class)
                        .single();
                created.add(submitted);
                coordinator.get("/postulaty/" + submitted + "/wycofaj");
                HttpResponse<String> answer = coordinator.post(
                        "/postulaty/" + submitted + "/wycofaj", "potwierdzenie", "tak", "reason", line);
                softly.assertThat(answer.statusCode()).as(line).isIn(302, 422);
                softly.assertThat(answer.body()).as(line).doesNotContain("<script>alert", "<img src=x");
                if (answer.statusCode() == 302) {
                    softly.assertThat(coordinator.get("/postulaty/" + submitted).body())
                            .as(line)
                            .doesNotContain("<script>alert", "<img src=x");
                }
            }
            softly.assertAll();
        } finally {
            if (!created.isEmpty()) {
                jdbc.sql("delete from postulates_postulate where id in (:ids)")
                        .param("ids", created)
                        .update();
            }
        }
    }
}
