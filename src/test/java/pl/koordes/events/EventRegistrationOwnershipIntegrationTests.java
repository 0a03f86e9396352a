package pl.koordes.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.directory.Directory;
import pl.koordes.events.internal.EventRegistrations;
import pl.koordes.events.internal.EventRegistrations.Confirmation;
import pl.koordes.events.internal.RegistrationForm;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;
import pl.koordes.support.IntegrationTest;

/**
 * A registration belongs to the account that made it, never to an address: an account that carries the
 * same address (typed, or changed to it) gets nothing of another person's registration, and a person whose
 * address changes keeps theirs. A visitor's registration, once its address is proven by the link, belongs
 * to the active account with that address.
 */
@IntegrationTest
class EventRegistrationOwnershipIntegrationTests {

    private static final Locale PL = Locale.forLanguageTag("pl");
    private static final Pattern CONFIRM = Pattern.compile("/wydarzenia/zapis/potwierdz\\?token=([A-Za-z0-9_-]{43})");

    @Autowired
    EventRegistrations registrations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    EventSamples samples;

    @BeforeEach
    void setUp() {
        samples = new EventSamples(jdbc);
    }

    @Test
    void anotherAccountWithTheSameAddressGetsNothingAndTheOwnerKeepsTheRegistrationAfterChangingAddress() {
        long event = samples.published(5, null);
        CurrentUser owner = samples.person(1);
        registrations.register(event, RegistrationForm.oneStep(), owner, PL);
        assertThat(registrations.own(owner, event)).isPresent();

        // An account that came to carry the owner's address (the attack of issue 10: an unproven change).
        CurrentUser intruder = new CurrentUser(
                2_000_000 + owner.id(),
                owner.email(),
                "Intruz",
                List.of(new RoleAssignment(Role.PARTICIPANT, null)),
                "pl");
        assertThat(registrations.own(intruder, event)).as("the intruder's view").isEmpty();
        assertThat(registrations.cancelOwn(intruder, event))
                .as("the intruder cancels")
                .isFalse();
        assertThat(registrations.own(owner, event))
                .as("the owner's seat after the attempt")
                .isPresent();

        CurrentUser moved = new CurrentUser(
                owner.id(), "nowy." + samples.email(1), owner.displayName(), owner.roles(), owner.language());
        assertThat(registrations.own(moved, event))
                .as("the owner after changing address")
                .isPresent();
        assertThat(registrations.cancelOwn(moved, event)).isTrue();
    }

    @Test
    void aVisitorsRegistrationProvenByTheLinkBelongsToTheActiveAccountWithThatAddress() {
        long event = samples.published(5, null);
        String email = samples.email(3);
        long account = jdbc.sql("""
                        insert into account (email, display_name, status, password_hash, language)
                        values (:email, 'Wanda Weryfikowana', 'ACTIVE', null, 'pl') returning id
                        """).param("email", email).query(Long.class).single();
        long region = directory.region("podkarpackie").orElseThrow().id();
        registrations.register(
                event, RegistrationForm.of("Wanda Weryfikowana", email, region, SeatMode.ON_SITE), null, PL);
        CurrentUser signedIn = new CurrentUser(
                account, email, "Wanda Weryfikowana", List.of(new RoleAssignment(Role.PARTICIPANT, null)), "pl");
        assertThat(registrations.own(signedIn, event))
                .as("not proven yet: a typed address gives nothing")
                .isEmpty();

        assertThat(registrations.confirm(confirmLink(email))).isEqualTo(Confirmation.CONFIRMED);
        assertThat(registrations.own(signedIn, event)).isPresent();
    }

    private String confirmLink(String email) {
        String body = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> jdbc.sql("""
                                        select text_body from notifications_dev_mailbox where recipient = :to and kind = 'confirmRegistration'
                                        order by delivered_at desc limit 1
                                        """)
                                .param("to", email)
                                .query(String.class)
                                .optional()
                                .orElse(null),
                        b -> b != null);
        Matcher matcher = CONFIRM.matcher(body);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
