package pl.koordes.postulates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.ZoneId;
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
import pl.koordes.postulates.internal.OverdueReminders;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.TestSmtp;

/**
 * Forwarding's and answers' mail through real SMTP (GreenMail), with committed changes (mail goes after
 * commit): the weekly overdue reminder goes once per postulate and week to the addressee's people and the
 * operators however often the job runs (twice at once too), with the step OVERDUE recorded once; a
 * forwarded postulate is told to the people answering for its addressee and nobody else's institution;
 * two people of the institution answering at once never make two versions 1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// Its own context and PostgreSQL: its changes are committed.
@DirtiesContext
class OverdueRemindersIntegrationTests {

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
    OverdueReminders reminders;

    @Test
    void anOverduePostulateIsRemindedOfOnceAWeekToItsAddresseeAndTheOperators() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Warsaw"));
        long overdue = jdbc.sql("""
                        select p.id from postulates_postulate p join region r on r.id = p.region_id
                        join institution i on i.id = p.addressee_id
                        where r.slug = 'malopolskie' and i.short_name = 'MRPiPS' and p.status = 'FORWARDED'
                          and p.answer_due = :due""")
                .param("due", today.minusDays(12))
                .query(Long.class)
                .single();
        long waiting = jdbc.sql("""
                        select count(*) from postulates_postulate
                        where status in ('FORWARDED', 'IN_ANALYSIS') and answer_due < :today""").param("today", today).query(Long.class).single();
        // Twice at the same moment (two nodes), then once more: one reminder per postulate this week.
        List<Integer> sent = race(() -> reminders.sendDue(today));
        assertThat(sent.stream().mapToInt(Integer::intValue).sum()).isEqualTo((int) waiting);
        assertThat(reminders.sendDue(today)).isZero();
        MimeMessage toMinistry = smtp.awaitMessage(DemoAccounts.CENTRAL_INSTITUTION, "po terminie od 12 dni");
        assertThat(TestSmtp.part(toMinistry, "text/html")).contains("/postulaty/" + overdue);
        smtp.awaitMessage(DemoAccounts.EDITOR, "po terminie od 12 dni");
        smtp.awaitMessage(DemoAccounts.ADMINISTRATOR, "po terminie od 12 dni");
        assertThat(smtp.count(DemoAccounts.CENTRAL_INSTITUTION_OTHER, "po terminie od 12 dni"))
                .isZero();
        assertThat(steps(overdue, "OVERDUE")).isEqualTo(1);
        assertThat(jdbc.sql(
                                "select count(*) from audit_entry where action = 'POSTULATE_REMINDER_SENT' and target_id = :id")
                        .param("id", String.valueOf(overdue))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // A week later: reminded of again, the step OVERDUE not repeated.
        assertThat(reminders.sendDue(today.plusDays(7))).isGreaterThanOrEqualTo((int) waiting);
        smtp.awaitMessage(DemoAccounts.CENTRAL_INSTITUTION, "po terminie od 19 dni");
        assertThat(smtp.count(DemoAccounts.CENTRAL_INSTITUTION, "po terminie od 12 dni"))
                .isEqualTo(1);
        assertThat(steps(overdue, "OVERDUE")).isEqualTo(1);
    }

    @Test
    void aForwardedPostulateIsToldToItsAddresseesPeopleOnly() throws Exception {
        MockMvc mvc = mvc();
        UserDetails editor = users.loadUserByUsername(DemoAccounts.EDITOR);
        long submitted = jdbc.sql("""
                        select max(p.id) from postulates_postulate p join institution i on i.id = p.addressee_id
                        where p.status = 'SUBMITTED' and i.short_name = 'MRPiPS'""").query(Long.class).single();
        String title = jdbc.sql("select title from postulates_postulate where id = :id")
                .param("id", submitted)
                .query(String.class)
                .single();
        long mrpips = jdbc.sql("select id from institution where short_name = 'MRPiPS'")
                .query(Long.class)
                .single();
        int status = mvc.perform(post("/postulaty/" + submitted + "/przekaz")
                        .param(
                                "forwardDue",
                                LocalDate.now(ZoneId.of("Europe/Warsaw"))
                                        .plusDays(30)
                                        .toString())
                        .param("forwardAddressee", String.valueOf(mrpips))
                        .with(user(editor))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).isEqualTo(302);
        MimeMessage told = smtp.awaitMessage(DemoAccounts.CENTRAL_INSTITUTION, "Nowy postulat do odpowiedzi");
        assertThat(TestSmtp.part(told, "text/plain")).contains(title);
        assertThat(smtp.count(DemoAccounts.CENTRAL_INSTITUTION_OTHER, "Nowy postulat do odpowiedzi"))
                .isZero();
        assertThat(smtp.count(DemoAccounts.COORDINATOR_MALOPOLSKIE, "Nowy postulat do odpowiedzi"))
                .isZero();
    }

    @Test
    void twoPeopleAnsweringAtOnceNeverMakeTwoVersionsOne() throws Exception {
        MockMvc mvc = mvc();
        UserDetails ministry = users.loadUserByUsername(DemoAccounts.CENTRAL_INSTITUTION);
        long forwarded = jdbc.sql("""
                        select min(p.id) from postulates_postulate p join institution i on i.id = p.addressee_id
                        where p.status = 'FORWARDED' and i.short_name = 'MRPiPS'
                          and not exists (select 1 from postulates_answer a where a.postulate_id = p.id)""").query(Long.class).single();
        List<Integer> statuses = race(() -> mvc.perform(post("/postulaty/" + forwarded + "/odpowiedz")
                        .param("answerStatus", "ACCEPTED")
                        .param("answerText", "Przyjmujemy.")
                        .param("seenVersion", "0")
                        .with(user(ministry))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus());
        assertThat(statuses).containsExactlyInAnyOrder(302, 409);
        assertThat(jdbc.sql("select version from postulates_answer where postulate_id = :id")
                        .param("id", forwarded)
                        .query(Integer.class)
                        .list())
                .containsExactly(1);
    }

    private MockMvc mvc() {
        return MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    private long steps(long id, String kind) {
        return jdbc.sql("select count(*) from postulates_step where postulate_id = :id and kind = :k")
                .param("id", id)
                .param("k", kind)
                .query(Long.class)
                .single();
    }

    interface Job {
        int run() throws Exception;
    }

    private static List<Integer> race(Job job) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return job.run();
                }));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> run : runs) {
                results.add(run.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
