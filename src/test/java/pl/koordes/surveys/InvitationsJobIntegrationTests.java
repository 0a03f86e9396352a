package pl.koordes.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import pl.koordes.shared.scheduling.ClusterLock;
import pl.koordes.surveys.internal.InvitationsJob;
import pl.koordes.surveys.internal.InvitationsMailings;

/**
 * The invitation job, run with fixed clocks a year from now (so that only this test's survey is open then):
 * run twice at once — by two nodes taking the cluster lock, or bypassing it — it sends one invitation round;
 * it sends nothing more until the reminder's day, three days before the closing day, when the reminder goes
 * to those who have not answered, once, however often it runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// Its own context and PostgreSQL: its changes are committed.
@DirtiesContext
class InvitationsJobIntegrationTests {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
                    new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("koordes.site.base-url", () -> "https://koordes.example/");
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InvitationsMailings mailings;

    @Autowired
    ClusterLock lock;

    @Test
    void runTwiceAtOnceTheJobSendsOneRoundAndTheReminderThreeDaysBeforeClosing() throws Exception {
        InvitationsTesting t = new InvitationsTesting(jdbc);
        LocalDate closingDay = LocalDate.now(WARSAW).plusDays(400);
        Instant closesAt = closingDay.atTime(14, 30).atZone(WARSAW).toInstant();
        Instant opensAt = closesAt.minus(30, ChronoUnit.DAYS);
        String title = "Ankieta zadania " + UUID.randomUUID();
        long survey = t.survey(title, "PERSON", List.of("EXPERT"), List.of(), false, opensAt, closesAt);
        String waiting = t.person("czeka-na-przypomnienie", "ACTIVE", true, "EXPERT", null);
        String answered = t.person("juz-odpowiedziala", "ACTIVE", true, "EXPERT", null);
        int audience = t.holders(List.of("EXPERT"), List.of()).size();

        // Before the opening: nothing.
        assertThat(job(opensAt.minus(1, ChronoUnit.HOURS)).runNow()).isZero();
        assertThat(rounds(survey)).isEmpty();

        // The opening's turn, on two nodes at once: the cluster lock lets one run.
        Instant opening = opensAt.plus(10, ChronoUnit.MINUTES);
        race(() -> {
            job(opening).run();
            return 0;
        });
        assertThat(rounds(survey)).containsExactly("INVITATION " + day(opening) + " " + audience);
        // Twice at once past the lock (a node whose lock had expired): the round's row lets one send.
        List<Integer> sent = race(() -> job(opening.plus(5, ChronoUnit.MINUTES)).runNow());
        assertThat(sent).containsOnly(0);
        await().atMost(Duration.ofSeconds(60)).until(() -> count(waiting, "Zaproszenie do ankiety: " + title) == 1);
        assertThat(count(answered, "Zaproszenie do ankiety: " + title)).isEqualTo(1);
        assertThat(audit(survey, "SURVEY_INVITATIONS_SENT")).isEqualTo(1);

        // Before the reminder's day, nothing more goes.
        t.personAnswer(survey, answered, "SUBMITTED");
        Instant fourDaysBefore = closingDay
                .minusDays(4)
                .atTime(LocalTime.of(9, 0))
                .atZone(WARSAW)
                .toInstant();
        assertThat(job(fourDaysBefore).runNow()).isZero();

        // Three days before the closing day: the reminder to those who have not answered, once.
        Instant threeDaysBefore = closingDay
                .minusDays(3)
                .atTime(LocalTime.of(9, 0))
                .atZone(WARSAW)
                .toInstant();
        List<Integer> reminded = race(() -> job(threeDaysBefore).runNow());
        assertThat(reminded).containsExactlyInAnyOrder(0, 1);
        assertThat(job(threeDaysBefore.plus(3, ChronoUnit.HOURS)).runNow()).isZero();
        assertThat(job(threeDaysBefore.plus(1, ChronoUnit.DAYS)).runNow()).isZero();
        assertThat(rounds(survey))
                .containsExactly(
                        "REMINDER " + closingDay.minusDays(3) + " " + (audience - 1),
                        "INVITATION " + day(opening) + " " + audience);
        MimeMessage reminder = awaitMessage(waiting, title, "Zostały 3 dni");
        assertThat(reminder.getSubject()).isEqualTo("Zostały 3 dni na odpowiedź: " + title);
        assertThat(count(answered, "Zostały 3 dni")).isZero();
        assertThat(audit(survey, "SURVEY_REMINDERS_SENT")).isEqualTo(1);

        // After closing, nothing.
        assertThat(job(closesAt.plus(1, ChronoUnit.MINUTES)).runNow()).isZero();
    }

    private InvitationsJob job(Instant at) {
        return new InvitationsJob(mailings, lock, Clock.fixed(at, WARSAW));
    }

    private static LocalDate day(Instant at) {
        return at.atZone(WARSAW).toLocalDate();
    }

    private List<String> rounds(long survey) {
        return jdbc.sql("""
                        select kind || ' ' || sent_on || ' ' || recipients from surveys_mailing
                        where survey_id = :s order by sent_on desc""").param("s", survey).query(String.class).list();
    }

    private long audit(long survey, String action) {
        return jdbc.sql("select count(*) from audit_entry where action = :a and target_id = :id")
                .param("a", action)
                .param("id", String.valueOf(survey))
                .query(Long.class)
                .single();
    }

    private static List<Integer> race(Callable<Integer> job) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return job.call();
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

    private static long count(String address, String subjectPart) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> to(m).contains(address) && subject(m).contains(subjectPart))
                .count();
    }

    private static MimeMessage awaitMessage(String address, String title, String subjectPart) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Arrays.stream(smtp.getReceivedMessages())
                        .anyMatch(m -> to(m).contains(address)
                                && subject(m).contains(title)
                                && subject(m).contains(subjectPart)));
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> to(m).contains(address)
                        && subject(m).contains(title)
                        && subject(m).contains(subjectPart))
                .findFirst()
                .orElseThrow();
    }

    private static String subject(MimeMessage message) {
        try {
            String subject = message.getSubject();
            return subject == null ? "" : subject;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> to(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients())
                    .map(Object::toString)
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
