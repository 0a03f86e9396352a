package pl.koordes.shared.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.directory.Directory;
import pl.koordes.events.EventSamples;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.mail.Mailer;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * Seeing the application run: a scraper reads {@code /actuator/prometheus} with the metrics token and nobody reads
 * it anonymously; the application's own metrics (registrations, mail waiting and failed, event publications
 * outstanding, the API's kept answers) show what was done; a request's id from the proxy is in its answer and in
 * the log lines of the request and of the mail delivery it set off.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIntegrationTests {

    /** As in application-test.properties. */
    private static final String TOKEN = "test-metrics-token-0123456789abcdef";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Autowired
    QueueMetrics queues;

    @Autowired
    Mailer mailer;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theMetricsNeedTheTokenOrAnAdministratorNeverAnAnonymousVisitor() {
        Http http = new Http(port);
        assertThat(http.get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(http.get("/actuator/prometheus", "Authorization", "Bearer " + TOKEN.substring(1))
                        .statusCode())
                .isEqualTo(401);
        assertThat(http.get("/actuator/prometheus", "Authorization", "Basic " + TOKEN)
                        .statusCode())
                .isEqualTo(401);

        HttpResponse<String> scraped =
                http.get("/actuator/prometheus", "Authorization", "Bearer " + TOKEN, "Accept", "text/plain");
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("jvm_memory_used_bytes");
        assertThat(scraped.headers().allValues("Set-Cookie"))
                .as("a scrape makes no session")
                .noneMatch(cookie -> cookie.startsWith("SESSION="));

        // The token opens the scrape and nothing else.
        assertThat(http.get("/actuator/metrics", "Authorization", "Bearer " + TOKEN, "Accept", "application/json")
                        .statusCode())
                .isEqualTo(401);
        assertThat(http.get("/admin", "Authorization", "Bearer " + TOKEN).statusCode())
                .isNotEqualTo(200);
    }

    @Test
    void theApplicationsOwnMetricsShowRegistrationsMailPublicationsAndKeptAnswers() {
        queues.refresh();
        // Other tests of this JVM may leave failed mail of their own (a refused delivery they check): count from here.
        double failedBefore = value(scrape(), "koordes_mail_failed", "");
        double registrations = sum(scrape(), "koordes_events_registrations_seconds_count");
        register(new SignedInClient(port, "127.0.56.31"));
        UUID failing = failingMail();
        Http api = new Http(port);
        api.get("/api/v1/regions?per_page=4");
        api.get("/api/v1/regions?per_page=4");
        try {
            queues.refresh();
            String metrics = scrape();
            assertThat(sum(metrics, "koordes_events_registrations_seconds_count"))
                    .as("a visitor's registration, whatever it came to")
                    .isEqualTo(registrations + 1);
            assertThat(value(metrics, "koordes_events_registrations_seconds_bucket", "le=\"5.0\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(metrics, "koordes_mail_waiting", "")).isGreaterThanOrEqualTo(1);
            assertThat(value(metrics, "koordes_mail_failed", "")).isGreaterThanOrEqualTo(failedBefore + 1);
            assertThat(value(metrics, "koordes_mail_held", "")).isZero();
            assertThat(value(
                            metrics,
                            "koordes_events_publications_outstanding",
                            "listener=\"notifications.mail-delivery\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(
                            metrics,
                            "koordes_events_publications_oldest_seconds",
                            "listener=\"notifications.mail-delivery\""))
                    .isGreaterThanOrEqualTo(0);
            assertThat(value(metrics, "koordes_api_kept_answers_total", "")).isGreaterThanOrEqualTo(1);
        } finally {
            jdbc.sql("""
                            update event_publication set completion_date = now(), status = 'COMPLETED'
                            where serialized_event like :id""").param("id", "%" + failing + "%").update();
            queues.refresh();
        }
        assertThat(value(scrape(), "koordes_mail_failed", "")).isEqualTo(failedBefore);
    }

    @Test
    void theProxysRequestIdIsEchoedAndLoggedByTheRequestAndTheMailItSetOff(CapturedOutput output) {
        String id = "req-" + UUID.randomUUID().toString().substring(0, 8);
        SignedInClient visitor = new SignedInClient(port, "127.0.56.32").withHeader("X-Request-Id", id);

        HttpResponse<String> registered = register(visitor);

        assertThat(registered.headers().firstValue("X-Request-Id")).hasValue(id);
        // The confirmation e-mail is delivered by a listener on another thread, under the same id.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> output.getOut()
                        .lines()
                        .anyMatch(line ->
                                line.contains("[" + id + "] ") && line.contains("(confirmRegistration) delivered")));

        // An answer the API replays from memory carries this request's id, not the one it was recorded with.
        Http api = new Http(port);
        api.get("/api/v1/regions?per_page=3", "X-Request-Id", "api-first");
        assertThat(api.get("/api/v1/regions?per_page=3", "X-Request-Id", "api-second")
                        .headers()
                        .allValues("X-Request-Id"))
                .containsExactly("api-second");

        // A value that is not an id is not taken: the answer carries a new one.
        HttpResponse<String> page = new SignedInClient(port, "127.0.56.33")
                .withHeader("X-Request-Id", "nie id; DROP TABLE")
                .get("/");
        assertThat(page.headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(given -> assertThat(given).matches("[0-9a-f]{32}"));
        // Every answer has one, each its own.
        assertThat(new Http(port).get("/").headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(given -> assertThat(given)
                        .matches("[0-9a-f]{32}")
                        .isNotEqualTo(page.headers().firstValue("X-Request-Id").orElseThrow()));
    }

    private HttpResponse<String> register(SignedInClient visitor) {
        EventSamples samples = new EventSamples(jdbc);
        long event = samples.published(5, null);
        visitor.get("/wydarzenia/" + event + "/zapis");
        HttpResponse<String> registered = visitor.post(
                "/wydarzenia/" + event + "/zapis",
                "fullName",
                "Halina Miernik",
                "email",
                samples.email(1),
                "institution",
                "Spółdzielnia Pomiarowa",
                "regionId",
                Long.toString(directory.region("malopolskie").orElseThrow().id()),
                "privacyAccepted",
                "true");
        assertThat(registered.statusCode()).isEqualTo(302);
        return registered;
    }

    /** A message whose delivery failed: queued, marked failed, retried only on the (hourly, in tests) schedule. */
    private UUID failingMail() {
        UUID id = transactions
                .execute(status -> mailer.send(
                        "miernik@example.org", Language.PL.locale(), "notifications/mail/check", Map.of("note", "")))
                .id();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("""
                                update event_publication set completion_date = null, status = 'FAILED'
                                where serialized_event like :id and completion_date is not null""").param("id", "%" + id + "%").update() == 1);
        return id;
    }

    private String scrape() {
        HttpResponse<String> scraped =
                new Http(port).get("/actuator/prometheus", "Authorization", "Bearer " + TOKEN, "Accept", "text/plain");
        assertThat(scraped.statusCode()).isEqualTo(200);
        return scraped.body();
    }

    /** The sum of every sample of this metric, whatever its labels. */
    private static double sum(String metrics, String name) {
        Matcher sample = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE)
                .matcher(metrics);
        double sum = 0;
        while (sample.find()) {
            sum += Double.parseDouble(sample.group(2));
        }
        return sum;
    }

    /** The value of the first sample of this metric whose labels contain {@code labels}; 0 when there is none. */
    private static double value(String metrics, String name, String labels) {
        Matcher sample = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE)
                .matcher(metrics);
        while (sample.find()) {
            String found = sample.group(1) == null ? "" : sample.group(1);
            if (found.contains(labels)) {
                return Double.parseDouble(sample.group(2));
            }
        }
        return 0;
    }
}
