package pl.koordes.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.events.internal.EventRegistrations;
import pl.koordes.events.internal.EventReminders;
import pl.koordes.events.internal.RegistrationForm;
import pl.koordes.events.internal.RegistrationStatus;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * No destructive click without a second look, through HTTP as an organiser: cancelling an event and
 * removing a participant ask on a page of their own that says who will be told; a POST without the
 * page's confirmation destroys nothing; after confirming, the people affected get their mail. An event
 * with registrations does not go back to draft. The reminder carries a cancellation link whose page asks
 * before cancelling; a seat freed after the event is over gives nobody a "Masz miejsce" mail; the
 * organiser's feedback summary counts only the people still on the list.
 */
@IntegrationTest
class EventDestructiveActionsIntegrationTests {

    private static final Locale PL = Locale.forLanguageTag("pl");
    private static final Pattern CANCEL = Pattern.compile("/wydarzenia/rezygnacja\\?token=([A-Za-z0-9_-]{43})");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventRegistrations registrations;

    @Autowired
    EventReminders reminders;

    @Test
    void cancellingAsksFirstSaysHowManyWillBeToldAndTellsThem() {
        EventSamples samples = new EventSamples(jdbc);
        long event = samples.published(5, null);
        for (int n = 0; n < 6; n++) {
            registrations.register(event, RegistrationForm.oneStep(), samples.person(n), PL);
        }
        assertThat(samples.count(event, RegistrationStatus.WAITING)).isOne();
        SignedInClient editor = editor("127.0.0.101");
        String status = "/organizacja/wydarzenia/" + event + "/status";

        // The edit page offers a link to the question, not a one-click form.
        assertThat(editor.get("/organizacja/wydarzenia/" + event).body())
                .contains("href=\"" + status + "?status=CANCELLED\"");
        // A forged or stale one-click form: sent to the question, nothing cancelled, nobody told.
        HttpResponse<String> unconfirmed = editor.post(status, "status", "CANCELLED");
        assertThat(unconfirmed.statusCode()).isEqualTo(302);
        assertThat(SignedInClient.location(unconfirmed)).isEqualTo(status + "?status=CANCELLED");
        assertThat(statusOf(event)).isEqualTo("PUBLISHED");

        String question = editor.get(status + "?status=CANCELLED").body();
        assertThat(question)
                .contains("Odwołać wydarzenie?")
                .contains("5 zapisanych osób dostanie wiadomość o odwołaniu.")
                .contains("1 osoba z listy oczekujących dostanie wiadomość o odwołaniu.")
                .contains("class=\"button danger\"")
                .contains("name=\"potwierdzenie\" value=\"tak\"")
                .contains("href=\"/organizacja/wydarzenia/" + event + "\"");
        assertThat(mails(samples, "eventCancelled")).isEmpty();

        HttpResponse<String> confirmed = editor.post(status, "status", "CANCELLED", "potwierdzenie", "tak");
        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(statusOf(event)).isEqualTo("CANCELLED");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(mails(samples, "eventCancelled")).hasSize(6));
    }

    @Test
    void anEventWithRegistrationsDoesNotGoBackToDraftButOneWithoutDoesAfterTheQuestion() {
        EventSamples samples = new EventSamples(jdbc);
        long event = samples.published(5, null);
        registrations.register(event, RegistrationForm.oneStep(), samples.person(0), PL);
        SignedInClient editor = editor("127.0.0.102");
        String status = "/organizacja/wydarzenia/" + event + "/status";

        String question = editor.get(status + "?status=DRAFT").body();
        assertThat(question)
                .contains("Nie można cofnąć do szkicu wydarzenia, na które ktoś jest zapisany")
                .contains("odwołaj je")
                .doesNotContain("name=\"potwierdzenie\"");
        HttpResponse<String> refused = editor.post(status, "status", "DRAFT", "potwierdzenie", "tak");
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(statusOf(event)).isEqualTo("PUBLISHED");
        assertThat(editor.get(SignedInClient.location(refused)).body())
                .contains("Nie można cofnąć do szkicu wydarzenia");

        long empty = samples.published(5, null);
        String emptyStatus = "/organizacja/wydarzenia/" + empty + "/status";
        assertThat(editor.get(emptyStatus + "?status=DRAFT").body())
                .contains("Wydarzenie zniknie z listy wydarzeń")
                .contains("name=\"potwierdzenie\"");
        assertThat(editor.post(emptyStatus, "status", "DRAFT").statusCode()).isEqualTo(302);
        assertThat(statusOf(empty)).isEqualTo("PUBLISHED");
        assertThat(editor.post(emptyStatus, "status", "DRAFT", "potwierdzenie", "tak")
                        .statusCode())
                .isEqualTo(302);
        assertThat(statusOf(empty)).isEqualTo("DRAFT");
    }

    @Test
    void removingAParticipantAsksFirstTellsThemAndGivesTheSeatToTheWaitingList() {
        EventSamples samples = new EventSamples(jdbc);
        long event = samples.published(1, null);
        registrations.register(event, RegistrationForm.oneStep(), samples.person(0), PL);
        registrations.register(event, RegistrationForm.oneStep(), samples.person(1), PL);
        long seated = samples.ids(event, RegistrationStatus.CONFIRMED).getFirst();
        long waiting = samples.ids(event, RegistrationStatus.WAITING).getFirst();
        SignedInClient editor = editor("127.0.0.103");
        String remove = "/organizacja/wydarzenia/" + event + "/uczestnicy/" + seated + "/usun";

        assertThat(editor.get("/organizacja/wydarzenia/" + event + "/uczestnicy")
                        .body())
                .contains("href=\"" + remove + "\"");
        HttpResponse<String> unconfirmed = editor.post(remove);
        assertThat(SignedInClient.location(unconfirmed)).isEqualTo(remove);
        assertThat(samples.count(event, RegistrationStatus.CONFIRMED)).isOne();
        assertThat(samples.ids(event, RegistrationStatus.CONFIRMED)).containsExactly(seated);

        assertThat(editor.get(remove).body())
                .contains("Usunąć zgłoszenie?")
                .contains(samples.email(0))
                .contains("Zwolnione miejsce dostanie pierwsza osoba z listy oczekujących")
                .contains("class=\"button danger\"");

        assertThat(editor.post(remove, "potwierdzenie", "tak").statusCode()).isEqualTo(302);
        assertThat(samples.ids(event, RegistrationStatus.CONFIRMED)).containsExactly(waiting);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(mails(samples, "registrationRemoved")).containsExactly(samples.email(0));
            assertThat(mails(samples, "promoted")).containsExactly(samples.email(1));
        });
        // The "a seat is yours" mail carries its own cancellation link.
        assertThat(body(samples.email(1), "promoted")).containsPattern(CANCEL);
    }

    @Test
    void afterRemovalsTheFeedbackSummaryCountsOnlyPeopleStillOnTheListAndAnEventThatIsOverPromotesNobody() {
        EventSamples samples = new EventSamples(jdbc);
        long event = samples.published(3, null);
        for (int n = 0; n < 4; n++) {
            registrations.register(event, RegistrationForm.oneStep(), samples.person(n), PL);
        }
        List<Long> seated = samples.ids(event, RegistrationStatus.CONFIRMED);
        assertThat(seated).hasSize(3);
        // The event is over; each of the three gave feedback with a comment.
        jdbc.sql("update event set starts_at = now() - interval '3 days', ends_at = now() - interval '3 days'"
                        + " + interval '2 hours' where id = :id")
                .param("id", event)
                .update();
        for (int i = 0; i < seated.size(); i++) {
            jdbc.sql("update event_registration set feedback_rating = :r, feedback_comment = :c where id = :id")
                    .param("r", i + 3)
                    .param("c", "Uwaga numer " + i + " " + samples.run)
                    .param("id", seated.get(i))
                    .update();
        }
        SignedInClient editor = editor("127.0.0.104");
        String list = "/organizacja/wydarzenia/" + event + "/uczestnicy";
        assertThat(editor.get(list).body()).contains("3 oceny, średnia 4,0").contains("Uwaga numer 0");

        String remove = list + "/" + seated.getFirst() + "/usun";
        assertThat(editor.get(remove).body()).contains("Opinia tej osoby o wydarzeniu zostanie usunięta");
        assertThat(editor.post(remove, "potwierdzenie", "tak").statusCode()).isEqualTo(302);

        // Two ratings and their two comments: the removed person's opinion is gone from both.
        assertThat(editor.get(list).body())
                .contains("2 oceny, średnia 4,5")
                .doesNotContain("Uwaga numer 0")
                .contains("Uwaga numer 1")
                .contains("Uwaga numer 2");
        // The seat freed after the event went to nobody, and nobody was told "Masz miejsce".
        assertThat(samples.count(event, RegistrationStatus.WAITING)).isOne();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(mails(samples, "registrationRemoved")).containsExactly(samples.email(0)));
        assertThat(mails(samples, "promoted")).isEmpty();
    }

    @Test
    void theReminderCarriesItsOwnCancellationLinkWhosePageAsksBeforeCancelling() {
        EventSamples samples = new EventSamples(jdbc);
        long event = samples.published(5, null);
        jdbc.sql("update event set starts_at = now() + interval '20 hours', ends_at = now() + interval '22 hours'"
                        + " where id = :id")
                .param("id", event)
                .update();
        registrations.register(event, RegistrationForm.oneStep(), samples.person(0), PL);
        reminders.sendDue(Instant.now());

        String body =
                await().atMost(Duration.ofSeconds(30)).until(() -> body(samples.email(0), "reminder"), b -> b != null);
        Matcher link = CANCEL.matcher(body);
        assertThat(link.find()).as("cancellation link in the reminder").isTrue();
        String token = link.group(1);
        String confirmation = await().atMost(Duration.ofSeconds(30))
                .until(() -> body(samples.email(0), "registrationConfirmed"), b -> b != null);
        String first =
                CANCEL.matcher(confirmation).results().findFirst().orElseThrow().group(1);
        assertThat(token).isNotEqualTo(first);

        // Opening the link (as a mail scanner does) cancels nothing: it shows a page with a button.
        SignedInClient visitor = new SignedInClient(port, "127.0.0.105");
        HttpResponse<String> page = visitor.get("/wydarzenia/rezygnacja?token=" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"token\" value=\"" + token + "\"");
        assertThat(samples.count(event, RegistrationStatus.CONFIRMED)).isOne();
        // The first mail's link still works beside it.
        assertThat(visitor.get("/wydarzenia/rezygnacja?token=" + first).statusCode())
                .isEqualTo(200);

        assertThat(visitor.post("/wydarzenia/rezygnacja", "token", token).statusCode())
                .isEqualTo(200);
        assertThat(samples.count(event, RegistrationStatus.CONFIRMED)).isZero();
        assertThat(samples.count(event, RegistrationStatus.CANCELLED)).isOne();
    }

    private SignedInClient editor(String address) {
        SignedInClient client = new SignedInClient(port, address);
        client.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);
        return client;
    }

    private String statusOf(long event) {
        return jdbc.sql("select status from event where id = :id")
                .param("id", event)
                .query(String.class)
                .single();
    }

    private List<String> mails(EventSamples samples, String kind) {
        return jdbc.sql("select recipient from notifications_dev_mailbox where kind = :kind and recipient like :run")
                .param("kind", kind)
                .param("run", "%." + samples.run + "@%")
                .query(String.class)
                .list();
    }

    private @Nullable String body(String email, String kind) {
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
