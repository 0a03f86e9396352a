package pl.koordes.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import pl.koordes.monitoring.internal.ReportingReminders;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.TestSmtp;

/**
 * Reporting's mail through real SMTP (GreenMail): the region's coordinator is told when values come back
 * (the reason escaped, never markup), the operators when a region submits, and the reminders before and
 * after the deadline go once per region and period even when the job runs twice at the same moment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// Its own context and PostgreSQL: its changes are committed (mail goes after commit).
@DirtiesContext
class ReportingMailIntegrationTests {

    private static final String HOSTILE = "<script>alert('zwrot')</script> & \"cudzysłów\"";

    @RegisterExtension
    static final TestSmtp smtp = TestSmtp.onFreePort();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        smtp.register(registry);
    }

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReportingReminders reminders;

    @Test
    void aReturnTellsTheCoordinatorWithTheReasonEscapedAndASubmissionTellsTheOperators() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        UserDetails coordinator = users.loadUserByUsername(DemoAccounts.COORDINATOR_MALOPOLSKIE);
        UserDetails editor = users.loadUserByUsername(DemoAccounts.EDITOR);
        long period = period(2097, LocalDate.of(2098, 2, 28));
        long indicator = jdbc.sql("""
                        select min(vi.indicator_id) from monitoring_version_indicator vi
                        join monitoring_programme_version pv on pv.id = vi.version_id and pv.status = 'CURRENT'
                        join monitoring_programme p on p.id = pv.programme_id
                        join region r on r.id = p.region_id where r.slug = 'malopolskie'""").query(Long.class).single();
        String base = "/monitoring/sprawozdania/" + period + "/malopolskie";
        String value = base + "/wskazniki/" + indicator;
        assertThat(mvc.perform(post(value)
                                .param("value", "12,5")
                                .with(user(coordinator))
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
        assertThat(mvc.perform(post(base + "/przekaz")
                                .param("wszystkie", "tak")
                                .with(user(coordinator))
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
        MimeMessage submitted = smtp.awaitMessage(DemoAccounts.EDITOR, "2097");
        assertThat(submitted.getSubject()).contains("małopolskie").contains("2097");

        assertThat(mvc.perform(post(value + "/zwroc")
                                .param("reason", HOSTILE)
                                .with(user(editor))
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
        MimeMessage returned = smtp.awaitMessage(DemoAccounts.COORDINATOR_MALOPOLSKIE, "zwrócone");
        String html = TestSmtp.part(returned, "text/html");
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(TestSmtp.part(returned, "text/plain")).contains("<script>alert('zwrot')</script>");
    }

    @Test
    void remindersGoOnceBeforeAndOnceAfterTheDeadlineEvenWhenTheJobRunsTwiceAtOnce() throws Exception {
        LocalDate deadline = LocalDate.of(2096, 3, 10);
        period(2095, deadline);
        long before = smtp.count(DemoAccounts.COORDINATOR_MALOPOLSKIE, "2095");
        // Too early: nothing.
        reminders.sendDue(deadline.minusDays(8));
        // A week before, twice at the same moment (two nodes), then once more.
        race(() -> reminders.sendDue(deadline.minusDays(5)));
        reminders.sendDue(deadline.minusDays(1));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        smtp.count(DemoAccounts.COORDINATOR_MALOPOLSKIE, "Przypomnienie: sprawozdanie za 2095") == 1);
        // After the deadline, twice.
        race(() -> reminders.sendDue(deadline.plusDays(1)));
        reminders.sendDue(deadline.plusDays(2));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        smtp.count(DemoAccounts.COORDINATOR_MALOPOLSKIE, "Minął termin sprawozdania za 2095") == 1);
        assertThat(smtp.count(DemoAccounts.COORDINATOR_MALOPOLSKIE, "2095") - before)
                .isEqualTo(2);
        assertThat(jdbc.sql(
                                "select count(*) from monitoring_reminder r join monitoring_period p on p.id = r.period_id where p.year = 2095")
                        .query(Integer.class)
                        .single())
                .isEqualTo(2 * jdbc.sql("""
                                select count(distinct p.region_id) from monitoring_programme p
                                join monitoring_programme_version pv on pv.programme_id = p.id and pv.status = 'CURRENT'
                                join monitoring_version_indicator vi on vi.version_id = pv.id""").query(Integer.class).single());
    }

    private long period(int year, LocalDate deadline) {
        return jdbc.sql("insert into monitoring_period (kind, year, deadline) values ('YEAR', :y, :d) returning id")
                .param("y", year)
                .param("d", deadline)
                .query(Long.class)
                .single();
    }

    private static void race(Runnable job) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    job.run();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
