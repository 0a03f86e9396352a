package pl.koordes.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.directory.Directory;
import pl.koordes.events.internal.EventRegistrations;
import pl.koordes.events.internal.EventRegistrations.Confirmation;
import pl.koordes.events.internal.EventsProperties;
import pl.koordes.events.internal.FeedbackForm;
import pl.koordes.events.internal.RegistrationForm;
import pl.koordes.events.internal.RegistrationResult;
import pl.koordes.events.internal.RegistrationStatus;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.support.IntegrationTest;

/**
 * A visitor's registration from the form to the seat: the e-mail link, the held seat that returns to the
 * pool when the link is not followed in time, cancelling by the link without signing in, the window
 * closing, and the mail that is queued in the registration's own transaction (so a crash after the commit
 * loses nothing, and a rollback sends nothing).
 */
@IntegrationTest
class EventRegistrationFlowIntegrationTests {

    private static final Locale PL = Locale.forLanguageTag("pl");
    private static final Pattern CONFIRM = Pattern.compile("/wydarzenia/zapis/potwierdz\\?token=([A-Za-z0-9_-]{43})");
    private static final Pattern CANCEL = Pattern.compile("/wydarzenia/rezygnacja\\?token=([A-Za-z0-9_-]{43})");

    @Autowired
    EventRegistrations registrations;

    @Autowired
    EventsProperties settings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Autowired
    TransactionTemplate transactions;

    EventSamples samples;
    long region;

    @BeforeEach
    void setUp() {
        samples = new EventSamples(jdbc);
        region = directory.region("malopolskie").orElseThrow().id();
    }

    @Test
    void aVisitorConfirmsByTheLinkAndCancelsByTheOtherWithoutSigningIn() {
        long event = samples.published(5, null);
        String email = samples.email(1);

        RegistrationResult registered = registrations.register(
                event, RegistrationForm.of("Anna Przykładowa", email, region, SeatMode.ON_SITE), null, PL);
        assertThat(registered.status()).isEqualTo(RegistrationStatus.PENDING);

        String confirm = link(email, "confirmRegistration", CONFIRM);
        assertThat(registrations.confirm(confirm)).isEqualTo(Confirmation.CONFIRMED);
        assertThat(registrations.confirm(confirm)).isEqualTo(Confirmation.ALREADY_CONFIRMED);
        assertThat(samples.count(event, RegistrationStatus.CONFIRMED)).isEqualTo(1);

        String cancel = link(email, "registrationConfirmed", CANCEL);
        assertThat(registrations.byCancelToken(cancel)).isPresent();
        assertThat(registrations.cancel(cancel)).isTrue();
        assertThat(registrations.cancel(cancel)).as("a link works once").isFalse();
        assertThat(samples.count(event, RegistrationStatus.CANCELLED)).isEqualTo(1);
        assertThat(registrations.confirm("x".repeat(43))).isEqualTo(Confirmation.INVALID);
        assertThat(registrations.confirm("../../etc/passwd")).isEqualTo(Confirmation.INVALID);
    }

    @Test
    void aHeldSeatNotConfirmedInTimeReturnsToThePoolAndTheLateLinkGivesTheWaitingListUntilItExpires() {
        long event = samples.published(1, null);
        String visitor = samples.email(1);
        registrations.register(event, RegistrationForm.of("Jan Wzorcowy", visitor, region, SeatMode.ON_SITE), null, PL);
        RegistrationResult waiting = registrations.register(event, RegistrationForm.oneStep(), samples.person(2), PL);
        assertThat(waiting.status()).isEqualTo(RegistrationStatus.WAITING);

        assertThat(registrations.expirePending(Instant.now()))
                .as("still within the hold")
                .isZero();
        int expired = registrations.expirePending(
                Instant.now().plus(settings.pendingHold()).plusSeconds(60));

        assertThat(expired).as("this event's and any other test's held seats").isPositive();
        assertThat(samples.count(event, RegistrationStatus.UNCONFIRMED))
                .as("the hold is gone, the link still works")
                .isEqualTo(1);
        assertThat(jdbc.sql("select status from event_registration where id = :id")
                        .param("id", waiting.id())
                        .query(String.class)
                        .single())
                .isEqualTo("CONFIRMED");
        String late = link(visitor, "confirmRegistration", CONFIRM);

        registrations.expirePending(
                Instant.now().plus(settings.confirmationWindow()).plusSeconds(60));
        assertThat(samples.count(event, RegistrationStatus.EXPIRED)).isEqualTo(1);
        assertThat(registrations.confirm(late))
                .as("the link after the confirmation window")
                .isEqualTo(Confirmation.INVALID);
    }

    @Test
    void aVisitorConfirmingAfterTheHoldGetsTheWaitingListWhenTheSeatWentToSomeoneElse() {
        long event = samples.published(1, null);
        String visitor = samples.email(1);
        registrations.register(
                event, RegistrationForm.of("Jan Spóźniony", visitor, region, SeatMode.ON_SITE), null, PL);
        registrations.register(event, RegistrationForm.oneStep(), samples.person(2), PL);
        registrations.expirePending(Instant.now().plus(settings.pendingHold()).plusSeconds(60));

        assertThat(registrations.confirm(link(visitor, "confirmRegistration", CONFIRM)))
                .isEqualTo(Confirmation.WAITING);
        assertThat(samples.count(event, RegistrationStatus.WAITING)).isEqualTo(1);
    }

    @Test
    void aVisitorWithoutAFreeSeatJoinsTheWaitingListOnConfirming() {
        long event = samples.published(1, null);
        registrations.register(event, RegistrationForm.oneStep(), samples.person(1), PL);
        String visitor = samples.email(2);
        RegistrationResult registered = registrations.register(
                event, RegistrationForm.of("Ewa Próbna", visitor, region, SeatMode.ON_SITE), null, PL);
        assertThat(registered.status()).isEqualTo(RegistrationStatus.UNCONFIRMED);
        assertThat(registrations.confirm(link(visitor, "confirmRegistration", CONFIRM)))
                .isEqualTo(Confirmation.WAITING);
        assertThat(samples.count(event, RegistrationStatus.WAITING)).isEqualTo(1);
    }

    @Test
    void registrationClosesAtTheWindowsEndAndCancelledEventsTakeNobody() {
        long event = samples.published(5, null);
        jdbc.sql("update event set registration_closes_at = now() - interval '1 minute' where id = :id")
                .param("id", event)
                .update();
        Refused closed = catchThrowableOfType(
                Refused.class, () -> registrations.register(event, RegistrationForm.oneStep(), samples.person(1), PL));
        assertThat(closed.kind()).isEqualTo(Refused.Kind.CONFLICT);
        assertThat(closed.messageKey()).isEqualTo("events.register.closed");
        long cancelled = samples.published(5, null);
        jdbc.sql("update event set status = 'CANCELLED' where id = :id")
                .param("id", cancelled)
                .update();
        assertThat(catchThrowableOfType(
                                Refused.class,
                                () -> registrations.register(
                                        cancelled, RegistrationForm.oneStep(), samples.person(1), PL))
                        .kind())
                .isEqualTo(Refused.Kind.CONFLICT);
        assertThat(jdbc.sql("select count(*) from event_registration where event_id in (:a, :b)")
                        .param("a", event)
                        .param("b", cancelled)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aRefusedFormStoresNothingAndSendsNothing() {
        long event = samples.published(5, null);
        // What does not convert (an unknown institution kind, a mode that is not one) the web binding refuses;
        // everything that does reach the module is checked there again, whoever calls it.
        Refused refused = catchThrowableOfType(
                Refused.class,
                () -> registrations.register(
                        event,
                        new RegistrationForm(
                                "",
                                "not-an-address",
                                "\u0000",
                                null,
                                999999L,
                                "x".repeat(201),
                                "",
                                "",
                                null,
                                false,
                                false),
                        null,
                        PL));
        assertThat(refused.reasons())
                .extracting(Refused.Reason::field)
                .containsExactly("fullName", "email", "institution", "regionId", "position", "privacyAccepted");
        assertThat(jdbc.sql("select count(*) from event_registration where event_id = :e")
                        .param("e", event)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void theRegistrationsMailIsQueuedInItsTransactionSoACommitKeepsItAndARollbackDropsIt() {
        long event = samples.published(5, null);
        String kept = samples.email(1);
        String dropped = samples.email(2);
        transactions.executeWithoutResult(status -> {
            registrations.register(
                    event, RegistrationForm.of("Anna Przykładowa", dropped, region, SeatMode.ON_SITE), null, PL);
            status.setRollbackOnly();
        });
        registrations.register(
                event, RegistrationForm.of("Anna Przykładowa", kept, region, SeatMode.ON_SITE), null, PL);

        // The publication registry holds the message from the commit on, until the delivery completes it:
        // a crash in between leaves it incomplete, and the next start delivers it (MailCrashRecoveryIntegrationTests).
        assertThat(publicationsFor(kept)).isEqualTo(1);
        assertThat(publicationsFor(dropped)).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> mailbox(kept, "confirmRegistration") != null);
        assertThat(jdbc.sql("select count(*) from event_registration where lower(email) = :e")
                        .param("e", dropped)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void feedbackIsForConfirmedParticipantsOnceTheEventIsOver() {
        long event = samples.published(5, null);
        CurrentUser participant = samples.person(1);
        CurrentUser stranger = samples.person(2);
        registrations.register(event, RegistrationForm.oneStep(), participant, PL);
        FeedbackForm feedback = new FeedbackForm(5, "Dużo konkretów.\r\nDziękuję!");

        assertThat(catchThrowableOfType(Refused.class, () -> registrations.giveFeedback(participant, event, feedback))
                        .kind())
                .as("not before the event")
                .isEqualTo(Refused.Kind.CONFLICT);

        jdbc.sql(
                        "update event set starts_at = now() - interval '2 days', ends_at = now() - interval '2 days' + interval '3 hours' where id = :id")
                .param("id", event)
                .update();
        assertThat(catchThrowableOfType(
                        Refused.class, () -> registrations.giveFeedback(participant, event, new FeedbackForm(6, ""))))
                .isNotNull();
        assertThat(catchThrowableOfType(
                        Refused.class,
                        () -> registrations.giveFeedback(participant, event, new FeedbackForm(4, "\u0000"))))
                .isNotNull();
        assertThat(catchThrowableOfType(Refused.class, () -> registrations.giveFeedback(stranger, event, feedback)))
                .as("not without a seat")
                .isNotNull();
        registrations.giveFeedback(participant, event, feedback);

        assertThat(jdbc.sql(
                                "select feedback_rating || ' ' || feedback_comment from event_registration where event_id = :e")
                        .param("e", event)
                        .query(String.class)
                        .single())
                .isEqualTo("5 Dużo konkretów.\nDziękuję!");
    }

    private int publicationsFor(String email) {
        return jdbc.sql("select count(*) from event_publication where listener_id = 'notifications.mail-delivery'"
                        + " and serialized_event like :needle")
                .param("needle", "%" + email + "%")
                .query(Integer.class)
                .single();
    }

    private String link(String email, String kind, Pattern pattern) {
        String body = await().atMost(Duration.ofSeconds(30)).until(() -> mailbox(email, kind), b -> b != null);
        Matcher matcher = pattern.matcher(body);
        assertThat(matcher.find()).as("link in %s mail", kind).isTrue();
        return matcher.group(1);
    }

    private String mailbox(String email, String kind) {
        return jdbc.sql("""
                        select text_body from notifications_dev_mailbox where recipient = :to and kind = :kind
                        order by delivered_at desc limit 1
                        """)
                .param("to", email)
                .param("kind", kind)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
