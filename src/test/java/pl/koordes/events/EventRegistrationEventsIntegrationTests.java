package pl.koordes.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import pl.koordes.directory.Directory;
import pl.koordes.events.internal.EventRegistrations;
import pl.koordes.events.internal.RegistrationForm;
import pl.koordes.events.internal.RegistrationResult;
import pl.koordes.events.internal.RegistrationStatus;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.support.IntegrationTest;

/**
 * The registration side's past-tense events, the module's API for the notification centre: a seat
 * confirmed (at once when signed in, by the link for a visitor, by an organiser), a seat given from the
 * waiting list, a cancellation; and nothing for what did not happen (a refusal, a repeated submission, a
 * visitor's seat that is only held).
 */
@IntegrationTest
@RecordApplicationEvents
class EventRegistrationEventsIntegrationTests {

    private static final Locale PL = Locale.forLanguageTag("pl");
    private static final Pattern CONFIRM = Pattern.compile("/wydarzenia/zapis/potwierdz\\?token=([A-Za-z0-9_-]{43})");

    @Autowired
    EventRegistrations registrations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Autowired
    ApplicationEvents events;

    EventSamples samples;
    long region;

    @BeforeEach
    void setUp() {
        samples = new EventSamples(jdbc);
        region = directory.region("malopolskie").orElseThrow().id();
    }

    @Test
    void aSignedInPersonsSeatIsConfirmedAtOnceAndOnlyOnce() {
        long event = samples.published(5, null);
        CurrentUser person = samples.person(1);

        RegistrationResult registered = registrations.register(event, RegistrationForm.oneStep(), person, PL);
        registrations.register(event, RegistrationForm.oneStep(), person, PL);

        assertThat(events.stream(RegistrationConfirmed.class))
                .as("the repeated submission confirms nothing new")
                .containsExactly(new RegistrationConfirmed(registered.id(), event, person.id(), SeatMode.ON_SITE));
        assertThat(events.stream(PromotedFromWaitingList.class)).isEmpty();
    }

    @Test
    void aVisitorsSeatIsConfirmedWhenTheyFollowTheLinkNotWhenItIsHeld() {
        long event = samples.published(5, null);
        String email = samples.email(2);

        RegistrationResult registered = registrations.register(
                event, RegistrationForm.of("Anna Przykładowa", email, region, SeatMode.ON_SITE), null, PL);
        assertThat(registered.status()).isEqualTo(RegistrationStatus.PENDING);
        assertThat(events.stream(RegistrationConfirmed.class))
                .as("a held seat is not confirmed yet")
                .isEmpty();

        registrations.confirm(confirmationLink(email));

        assertThat(events.stream(RegistrationConfirmed.class))
                .containsExactly(new RegistrationConfirmed(registered.id(), event, null, SeatMode.ON_SITE));
    }

    @Test
    void aCancellationGivesTheSeatToTheFirstOnTheWaitingList() {
        long event = samples.published(1, null);
        CurrentUser first = samples.person(3);
        CurrentUser second = samples.person(4);
        CurrentUser third = samples.person(5);
        RegistrationResult seated = registrations.register(event, RegistrationForm.oneStep(), first, PL);
        RegistrationResult waiting = registrations.register(event, RegistrationForm.oneStep(), second, PL);
        registrations.register(event, RegistrationForm.oneStep(), third, PL);
        assertThat(waiting.status()).isEqualTo(RegistrationStatus.WAITING);
        events.clear();

        assertThat(registrations.cancelOwn(first, event)).isTrue();

        assertThat(events.stream(RegistrationCancelled.class))
                .containsExactly(new RegistrationCancelled(seated.id(), event, first.id(), true));
        assertThat(events.stream(PromotedFromWaitingList.class))
                .containsExactly(new PromotedFromWaitingList(waiting.id(), event, second.id(), SeatMode.ON_SITE));
        assertThat(events.stream(RegistrationConfirmed.class)).isEmpty();
        // The notification centre tells the promoted person (issue 18), once.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.sql("""
                                select account_id from notifications_notice
                                where kind = 'registration-promoted' and link = :link""")
                                .param("link", "/wydarzenia/" + event)
                                .query(Long.class)
                                .list())
                        .containsExactly(second.id()));
    }

    @Test
    void aRefusedRegistrationPublishesNothing() {
        long event = samples.published(5, null);
        jdbc.sql("update event set status = 'CANCELLED' where id = :id")
                .param("id", event)
                .update();

        Refused refused = catchThrowableOfType(
                Refused.class, () -> registrations.register(event, RegistrationForm.oneStep(), samples.person(6), PL));

        assertThat(refused.kind()).isEqualTo(Refused.Kind.CONFLICT);
        assertThat(events.stream(RegistrationConfirmed.class)).isEmpty();
        assertThat(events.stream(PromotedFromWaitingList.class)).isEmpty();
        assertThat(events.stream(RegistrationCancelled.class)).isEmpty();
    }

    private String confirmationLink(String email) {
        String body = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> jdbc.sql("""
                                select text_body from notifications_dev_mailbox where recipient = :to
                                  and kind = 'confirmRegistration' order by delivered_at desc limit 1
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
