package pl.koordes.committees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
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
 * The meetings' mail through real SMTP (GreenMail): convening invites each member of that committee sitting on
 * the day who has an address, with the {@code .ics} attached and the title escaped; a member of another
 * committee, or one who joins later, gets nothing; a cancellation tells them with the reason; three unexcused
 * absences tell the region's coordinators, by e-mail and in the application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
class MeetingsMailIntegrationTests {

    private static final String PREFIX = "Test poczty posiedzeń";
    private static final String HOSTILE = "<script>alert('komitet')</script> & \"cudzysłów\"";

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
    void membersAreInvitedWithTheCalendarAndCoordinatorsHearOfAFlag() throws Exception {
        MeetingsTesting testing = new MeetingsTesting(jdbc, port);
        var day = MeetingsTesting.today().plusDays(12);
        String invited = "zaproszony.czlonek@test.koordes.example";
        String later = "pozniejszy.czlonek@test.koordes.example";
        String otherRegion = "slaski.czlonek@test.koordes.example";
        long member = testing.member(
                "malopolskie", PREFIX + " Zaproszona", java.time.LocalDate.of(2024, 1, 1), invited, null);
        testing.member("malopolskie", PREFIX + " Późniejszy", day.plusDays(1), later, null);
        testing.member("slaskie", PREFIX + " Śląska", day.minusYears(1), otherRegion, null);
        long meeting = testing.meeting("malopolskie", PREFIX + " " + HOSTILE, day, "DRAFT", false);
        SignedInClient secretary = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.36.10");
        String path = "/komitet/malopolskie/posiedzenia/" + meeting;
        secretary.get(path);
        assertThat(secretary.post(path + "/zwolaj").statusCode()).isEqualTo(302);

        MimeMessage invitation = smtp.awaitMessage(invited, "Zaproszenie na posiedzenie");
        String html = TestSmtp.part(invitation, "text/html");
        assertThat(html)
                .contains("&lt;script&gt;")
                .doesNotContain("<script>")
                .contains("Sala obrad")
                .contains(TestSmtp.BASE_URL + "komitet/malopolskie/posiedzenia/" + meeting);
        String calendar = calendar(invitation);
        assertThat(calendar).contains("BEGIN:VCALENDAR").contains("UID:committee-meeting-" + meeting + "@koordes");
        assertThat(smtp.to(later)).as("not a member on the day").isEmpty();
        assertThat(smtp.to(otherRegion)).as("another committee").isEmpty();

        secretary.get(path + "/odwolaj");
        assertThat(secretary
                        .post(path + "/odwolaj", "cancelReason", "Brak kworum", "potwierdzenie", "tak")
                        .statusCode())
                .isEqualTo(302);
        MimeMessage cancelled = smtp.awaitMessage(invited, "Posiedzenie odwołane");
        assertThat(TestSmtp.part(cancelled, "text/html")).contains("Brak kworum");
        assertThat(calendar(cancelled)).contains("STATUS:CANCELLED");

        // Three held meetings missed without excuse: the coordinators are told.
        for (int i = 1; i <= 3; i++) {
            var held = java.time.LocalDate.of(2024, 3, 1).plusDays(10L * i);
            long id = testing.meeting("malopolskie", PREFIX + " odbyte " + i, held, "CONVENED", false);
            String attendance = "/komitet/malopolskie/posiedzenia/" + id + "/obecnosc";
            secretary.get(attendance);
            HttpResponse<String> recorded =
                    secretary.post(attendance, testing.attendance("malopolskie", held, Map.of(member, "ABSENT")));
            assertThat(recorded.statusCode()).isEqualTo(302);
        }
        MimeMessage flagged =
                smtp.awaitMessage(DemoAccounts.COORDINATOR_MALOPOLSKIE, "Trzy nieusprawiedliwione nieobecności");
        assertThat(TestSmtp.part(flagged, "text/html")).contains(PREFIX + " Zaproszona");
        assertThat(smtp.to(DemoAccounts.COORDINATOR_SLASKIE)).isEmpty();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                testing.notices(DemoAccounts.COORDINATOR_MALOPOLSKIE, "committee-absence-flagged"))
                        .isPositive());
    }

    /** The text of the message's calendar attachment, "" when it has none. */
    private static String calendar(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/calendar")) {
            return new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        if (part.getContent() instanceof jakarta.mail.Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                String found = calendar(parts.getBodyPart(i));
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return "";
    }
}
