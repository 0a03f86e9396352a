package pl.koordes.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import pl.koordes.advisory.internal.SessionJobs;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.TestSmtp;

/**
 * The overdue reminders through real SMTP: a task past its date reminds its owner with an account once, however
 * often the job runs; a task with a typed owner reminds the case's experts instead; done and future tasks remind
 * nobody. The task's text comes escaped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// Its own context and PostgreSQL: its changes are committed (mail goes after commit).
@DirtiesContext
class SessionsJobIntegrationTests {

    private static final String PREFIX = "Test przypomnień";

    @RegisterExtension
    static final TestSmtp smtp = TestSmtp.onFreePort();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        smtp.register(registry);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SessionJobs jobs;

    @Test
    void anOverdueTaskRemindsItsOwnerOnceAndATypedOwnersTheExperts() throws Exception {
        SessionsTesting testing = new SessionsTesting(jdbc, 0);
        long id = testing.newCase(
                PREFIX + " sprawa",
                "malopolskie",
                "INDIVIDUAL",
                "IN_PROGRESS",
                new BigDecimal("8"),
                DemoAccounts.EXPERT);
        long coordinator = testing.account(DemoAccounts.COORDINATOR_MALOPOLSKIE);
        task(id, "Zadanie <b>koordynatora</b> & co", coordinator, "", -2, false);
        task(id, "Zadanie zespołu po terminie", null, "Zespół ROPS", -1, false);
        task(id, "Zadanie wykonane", coordinator, "", -3, true);
        task(id, "Zadanie przyszłe", coordinator, "", 5, false);
        // The demo's overdue tasks are reminded in the first run too; only this case's are counted below.
        jobs.remindNow();

        await().atMost(Duration.ofSeconds(30)).until(() -> mine(DemoAccounts.COORDINATOR_MALOPOLSKIE) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> mine(DemoAccounts.EXPERT) == 1);
        String ownerHtml = String.join("\n", bodies(DemoAccounts.COORDINATOR_MALOPOLSKIE));
        assertThat(ownerHtml)
                .contains("Zadanie &lt;b&gt;koordynatora&lt;/b&gt; &amp; co")
                .doesNotContain("Zadanie wykonane")
                .doesNotContain("Zadanie przyszłe");
        assertThat(ownerHtml).doesNotContain("<b>koordynatora</b>");
        assertThat(String.join("\n", bodies(DemoAccounts.EXPERT))).contains("Zadanie zespołu po terminie");
        assertThat(testing.audit("ADVISORY_TASK_REMINDED", id)).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from advisory_task where request_id = :r and reminded_on is not null")
                        .param("r", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        assertThat(testing.notices(DemoAccounts.COORDINATOR_MALOPOLSKIE, "advisory-task-overdue"))
                .isPositive();

        // Again: nothing more.
        assertThat(jobs.remindNow()).isZero();
        assertThat(testing.audit("ADVISORY_TASK_REMINDED", id)).isEqualTo(2);
        assertThat(mine(DemoAccounts.COORDINATOR_MALOPOLSKIE)).isEqualTo(1);
        testing.cleanUp(PREFIX);
    }

    private long mine(String address) throws Exception {
        return bodies(address).stream().filter(b -> b.contains(PREFIX)).count();
    }

    private List<String> bodies(String address) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (MimeMessage message : smtp.to(address)) {
            if (TestSmtp.subject(message).contains("Minął termin zadania")) {
                bodies.add(TestSmtp.part(message, "text/html"));
            }
        }
        return bodies;
    }

    private void task(long id, String description, @Nullable Long owner, String name, int dueInDays, boolean done) {
        jdbc.sql("""
                        insert into advisory_task (request_id, description, owner_id, owner_name, due_on, done_at,
                            created_at)
                        values (:r, :d, :o, :n, current_date + :days, case when :done then now() end, now())
                        """)
                .param("r", id)
                .param("d", description)
                .param("o", owner)
                .param("n", name)
                .param("days", dueInDays)
                .param("done", done)
                .update();
    }
}
