package pl.koordes.committees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import pl.koordes.committees.internal.TermReminderJob;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.TestSmtp;

/**
 * Term-end reminders through real SMTP: a membership ending within three months reminds the region's coordinator
 * once, however often the job runs; one ending later, or ended, reminds nobody; the member's name comes escaped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// Its own context and PostgreSQL: its changes are committed (mail goes after commit).
@DirtiesContext
class TermReminderJobIntegrationTests {

    private static final String PREFIX = "Osoba <b>Kadencyjna</b> &";

    @RegisterExtension
    static final TestSmtp smtp = TestSmtp.onFreePort();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        smtp.register(registry);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TermReminderJob job;

    @Test
    void aTermEndingWithinThreeMonthsRemindsTheCoordinatorsOnce() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Warsaw"));
        long soon = membership(PREFIX + " wkrótce", today.plusMonths(2));
        membership(PREFIX + " później", today.plusMonths(5));
        membership(PREFIX + " po kadencji", today.minusDays(3));

        assertThat(job.remindNow()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mine(DemoAccounts.COORDINATOR_MALOPOLSKIE).size() == 1);
        String html = mine(DemoAccounts.COORDINATOR_MALOPOLSKIE).getFirst();
        assertThat(html)
                .contains("Osoba &lt;b&gt;Kadencyjna&lt;/b&gt; &amp; wkrótce")
                .doesNotContain("<b>Kadencyjna</b>")
                .doesNotContain("później")
                .contains("/komitet/malopolskie/sklad");
        assertThat(mine(DemoAccounts.COORDINATOR_SLASKIE)).isEmpty();
        assertThat(count("select count(*) from audit_entry where action = 'COMMITTEE_TERM_REMINDED' and target_id = '"
                        + soon + "'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from committee_term_reminder where membership_id = " + soon))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("""
                                select count(*) from notifications_notice n join account a on a.id = n.account_id
                                where a.email = 'koordynator.malopolskie@demo.koordes.example'
                                  and n.kind = 'committee-term-ending'""") == 1);

        // Again: nothing more.
        assertThat(job.remindNow()).isZero();
        assertThat(count("select count(*) from audit_entry where action = 'COMMITTEE_TERM_REMINDED' and target_id = '"
                        + soon + "'"))
                .isEqualTo(1);
        assertThat(mine(DemoAccounts.COORDINATOR_MALOPOLSKIE)).hasSize(1);
    }

    private long membership(String name, LocalDate end) {
        return jdbc.sql("""
                        insert into committee_membership (committee_id, full_name, sector, function, term_start, term_end)
                        select c.id, :name, 'NGO', 'MEMBER', c.term_start, :end from committee c
                        join region r on r.id = c.region_id where r.slug = 'malopolskie'
                        order by c.term_start desc limit 1
                        returning id
                        """)
                .param("name", name)
                .param("end", end)
                .query(Long.class)
                .single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private List<String> mine(String address) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (MimeMessage message : smtp.to(address)) {
            if (TestSmtp.subject(message).contains("kończy się członkostwo")) {
                bodies.add(TestSmtp.part(message, "text/html"));
            }
        }
        return bodies;
    }
}
