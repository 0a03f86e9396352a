package pl.koordes.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import pl.koordes.notifications.internal.Digests;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.support.TestSmtp;

/**
 * Issue 18, item 3: the daily digest, by real mail (GreenMail) and at instants the test chooses (the job takes
 * "now" as an argument, the clock of a node): one message at the chosen hour (Europe/Warsaw) listing the
 * notices of the kinds chosen for the digest since the previous one, none before the hour, none twice a day (also
 * with two nodes at once), none when there is nothing, and the next one starting where the last ended.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
class DigestIntegrationTests {

    @RegisterExtension
    static final TestSmtp smtp = TestSmtp.onFreePort();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        smtp.register(registry);
    }

    @Autowired
    Digests digests;

    @Autowired
    JdbcClient jdbc;

    @Test
    void oneMessageADayAtTheChosenHourWithWhatCameSinceTheLastOne() throws Exception {
        String email = "skrot-" + UUID.randomUUID() + "@test.koordes.example";
        long account = jdbc.sql("""
                        insert into account (email, display_name, status) values (:email, 'Zofia Skrótowa', 'ACTIVE')
                        returning id""").param("email", email).query(Long.class).single();
        jdbc.sql("insert into notifications_setting (account_id, digest_hour, updated_at) values (:a, 18, now())")
                .param("a", account)
                .update();
        jdbc.sql("""
                        insert into notifications_preference (account_id, kind, delivery)
                        values (:a, 'survey-invitation', 'DIGEST'), (:a, 'comment-awaiting', 'DIGEST')""").param("a", account).update();
        notice(account, "survey-invitation", "Ankieta <b>o potrzebach</b> czeka.", at(10, 10, 0));
        notice(account, "comment-awaiting", "Komentarz czeka na moderację.", at(10, 11, 0));
        // A kind not chosen for the digest (only in the application) stays out of it.
        notice(account, "advisory-rated", "Sprawa oceniona.", at(10, 12, 0));

        assertThat(digests.sendDue(at(10, 17, 59))).as("before the hour").isZero();

        // Two nodes at once at 18:05: one message.
        Instant due = at(10, 18, 5);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> digests.sendDue(due));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> digests.sendDue(due));
        assertThat(first.join() + second.join()).isEqualTo(1);
        MimeMessage message = smtp.awaitMessageTo(email);
        assertThat(message.getSubject()).isEqualTo("Wiadomość dzienna: 2 powiadomienia");
        String text = TestSmtp.part(message, "text/plain");
        assertThat(text)
                .contains("Ankieta <b>o potrzebach</b> czeka.", "Komentarz czeka na moderację.")
                .contains(TestSmtp.BASE_URL + "wydarzenia/1")
                .doesNotContain("Sprawa oceniona.");
        assertThat(TestSmtp.part(message, "text/html")).doesNotContain("<b>o potrzebach</b>");

        assertThat(digests.sendDue(at(10, 23, 0))).as("once a day").isZero();
        // The next day brings nothing new: no message, but the day is recorded.
        assertThat(digests.sendDue(at(11, 18, 30))).isZero();
        assertThat(jdbc.sql("select notices from notifications_digest where account_id = :a order by digest_day")
                        .param("a", account)
                        .query(Integer.class)
                        .list())
                .containsExactly(2, 0);

        notice(account, "survey-invitation", "Druga ankieta czeka.", at(11, 20, 0));
        assertThat(digests.sendDue(at(12, 18, 1))).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.to(email).size() == 2);
        String later = TestSmtp.part(
                smtp.to(email).stream()
                        .filter(m -> TestSmtp.subject(m).equals("Wiadomość dzienna: 1 powiadomienie"))
                        .findFirst()
                        .orElseThrow(),
                "text/plain");
        assertThat(later).contains("Druga ankieta czeka.").doesNotContain("Komentarz czeka na moderację.");
    }

    private void notice(long account, String kind, String text, Instant at) {
        jdbc.sql("""
                        insert into notifications_notice (id, account_id, kind, text, link, created_at)
                        values (:id, :a, :kind, :text, '/wydarzenia/1', :at)""")
                .param("id", UUID.randomUUID())
                .param("a", account)
                .param("kind", kind)
                .param("text", text)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The instant at this hour of a day in March 2031, Polish time. */
    private static Instant at(int day, int hour, int minute) {
        return LocalDateTime.of(2031, 3, day, hour, minute).atZone(Formats.ZONE).toInstant();
    }
}
