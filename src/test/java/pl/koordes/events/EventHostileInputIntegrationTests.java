package pl.koordes.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.directory.Directory;
import pl.koordes.directory.InstitutionKind;
import pl.koordes.events.internal.EventRegistrations;
import pl.koordes.events.internal.RegistrationForm;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.NaughtyStrings;
import pl.koordes.support.SignedInClient;

/**
 * The Big List of Naughty Strings and injection payloads in every registration field: never a server
 * error, a refusal in Polish or a registration stored whole, and nothing executed on the organiser's
 * list or in the exports (a cell starting with =, +, - or @ is exported as text).
 */
@IntegrationTest
class EventHostileInputIntegrationTests {

    private static final List<String> PAYLOADS = List.of(
            "<script>alert(123)</script>",
            "<img src=x onerror=alert(1)>",
            "'; DROP TABLE event_registration; --",
            "=cmd|' /C calc'!A0",
            "+SUM(1,1)",
            "-2+3",
            "@SUM(A1)",
            "=HYPERLINK(\"http://x.example\",\"y\")",
            "\u0000",
            "\uD800",
            "${7*7}",
            "{{7*7}}",
            "ŁĄKA Żółć",
            "\u202Etest",
            "x".repeat(5000));
    private static final List<String> FIELDS = List.of(
            "fullName",
            "email",
            "institution",
            "institutionKind",
            "regionId",
            "position",
            "accessibilityNeeds",
            "dietaryNeeds",
            "mode",
            "privacyAccepted",
            "photoConsent");

    @LocalServerPort
    int port;

    @Autowired
    EventRegistrations registrations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Test
    void everyFieldOfTheVisitorsFormTakesEveryStringWithoutAServerError() {
        long event = new EventSamples(jdbc).published(5000, null);
        SignedInClient visitor = new SignedInClient(port, "127.0.0.61");
        visitor.get("/wydarzenia/" + event + "/zapis");
        SoftAssertions softly = new SoftAssertions();
        for (String line : strings()) {
            List<String> pairs = new ArrayList<>();
            FIELDS.forEach(field -> {
                pairs.add(field);
                pairs.add(line);
            });
            HttpResponse<String> answer = visitor.post("/wydarzenia/" + event + "/zapis", pairs.toArray(String[]::new));
            softly.assertThat(answer.statusCode()).as(line).isEqualTo(422);
            softly.assertThat(answer.body())
                    .as(line)
                    .contains("Popraw błędy w formularzu")
                    .doesNotContain("<script>alert", "<img src=x");
        }
        softly.assertAll();
        assertThat(jdbc.sql("select count(*) from event_registration where event_id = :e")
                        .param("e", event)
                        .query(Integer.class)
                        .single())
                .as("nothing stored half-way")
                .isZero();
    }

    @Test
    void storedStringsStayInertOnTheOrganisersListAndInTheExports() {
        EventSamples samples = new EventSamples(jdbc);
        long event = samples.published(5000, null);
        long region = directory.region("malopolskie").orElseThrow().id();
        List<String> lines = strings();
        int stored = 0;
        SoftAssertions softly = new SoftAssertions();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            try {
                registrations.register(
                        event,
                        new RegistrationForm(
                                line,
                                samples.email(i),
                                line,
                                InstitutionKind.OWES,
                                region,
                                line,
                                line,
                                line,
                                SeatMode.ON_SITE,
                                true,
                                true),
                        null,
                        Locale.forLanguageTag("pl"));
                stored++;
            } catch (Refused refused) {
                softly.assertThat(refused.reasons())
                        .as(line)
                        .extracting(Refused.Reason::messageKey)
                        .allMatch(key -> key.startsWith("events.register.") || key.startsWith("form."));
            }
        }
        softly.assertAll();
        assertThat(stored).isGreaterThan(lines.size() / 2);

        SignedInClient editor = new SignedInClient(port);
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);
        HttpResponse<String> list = editor.get("/organizacja/wydarzenia/" + event + "/uczestnicy");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).doesNotContain("<script>alert", "<img src=x").contains("&lt;script&gt;alert(123)");

        HttpResponse<String> csv = editor.get("/organizacja/wydarzenia/" + event + "/uczestnicy.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        for (String line : csv.body().split("\r\n")) {
            for (String cell : line.split(";")) {
                String value = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertThat(value)
                        .as("CSV cell")
                        .doesNotStartWith("=")
                        .doesNotStartWith("+")
                        .doesNotStartWith("@");
            }
        }
        assertThat(csv.body()).contains("'=cmd|").contains("'+SUM(1").contains("'@SUM(A1)");
    }

    static List<String> strings() {
        return NaughtyStrings.corpusAnd(PAYLOADS);
    }
}
