package pl.koordes.events;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.koordes.support.SignedInClient.location;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import pl.koordes.events.internal.EventRegistrations;
import pl.koordes.events.internal.RegistrationForm;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;
import pl.koordes.support.TestAccounts;

/**
 * Issue 11, item 6: "Moje zapisy" lists the person's registrations (upcoming first, then past), with the
 * place on the waiting list, a calendar file for each and a one-step cancellation; nobody else's.
 */
@IntegrationTest
class MyRegistrationsIntegrationTests {

    private static final Locale PL = Locale.forLanguageTag("pl");
    private static final String PASSWORD = "moje zapisy na spotkania";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    EventRegistrations registrations;

    @Test
    void thePersonSeesTheirRegistrationsWithTheWaitingPlaceAndCancelsOne() {
        EventSamples samples = new EventSamples(jdbc);
        String email = "moje.zapisy." + samples.run + "@przyklad.example";
        long id = TestAccounts.participant(jdbc, passwordEncoder, email, "Maria Zapisana", PASSWORD);
        CurrentUser me =
                new CurrentUser(id, email, "Maria Zapisana", List.of(new RoleAssignment(Role.PARTICIPANT, null)), "pl");

        long seat = samples.published(5, null);
        long full = samples.published(1, null);
        registrations.register(full, RegistrationForm.oneStep(), samples.person(1), PL);
        registrations.register(full, RegistrationForm.oneStep(), samples.person(2), PL);
        registrations.register(seat, RegistrationForm.oneStep(), me, PL);
        registrations.register(full, RegistrationForm.oneStep(), me, PL);
        long someoneElses = samples.published(5, null);
        registrations.register(someoneElses, RegistrationForm.oneStep(), samples.person(3), PL);
        jdbc.sql("update event set title = :t where id = :id")
                .param("t", "Cudze spotkanie " + samples.run)
                .param("id", someoneElses)
                .update();
        jdbc.sql("update event set starts_at = :s, ends_at = :e where id = :id")
                .param("s", Timestamp.from(Instant.now().plus(3, ChronoUnit.DAYS)))
                .param(
                        "e",
                        Timestamp.from(Instant.now().plus(3, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS)))
                .param("id", full)
                .update();

        SignedInClient browser = new SignedInClient(port);
        assertThat(location(browser.signIn(email, PASSWORD))).endsWith("/konto");
        assertThat(browser.get("/konto").body()).contains("href=\"/konto/zapisy\"");
        String page = browser.get("/konto/zapisy").body();
        assertThat(page)
                .contains("Moje zapisy", "Potwierdzone", "Lista rezerwowa — miejsce na liście rezerwowej: 2")
                .contains("/wydarzenia/" + seat + "/wydarzenie.ics", "/wydarzenia/" + full + "/wydarzenie.ics")
                .doesNotContain("Cudze spotkanie " + samples.run);
        assertThat(page.indexOf("/wydarzenia/" + full + "\""))
                .as("the sooner event first")
                .isLessThan(page.indexOf("/wydarzenia/" + seat + "\""));

        browser.get("/konto/zapisy");
        assertThat(location(browser.post("/wydarzenia/" + seat + "/rezygnacja")))
                .startsWith("/wydarzenia/" + seat);
        assertThat(browser.get("/konto/zapisy").body()).doesNotContain("/wydarzenia/" + seat + "/wydarzenie.ics");
        assertThat(location(new SignedInClient(port).get("/konto/zapisy"))).contains("/logowanie");
    }
}
