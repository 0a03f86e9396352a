package pl.koordes.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.events.internal.EventCatalogue;
import pl.koordes.events.internal.EventForm;
import pl.koordes.events.internal.EventManagement;
import pl.koordes.events.internal.EventRegistrations;
import pl.koordes.events.internal.EventReminders;
import pl.koordes.events.internal.RegistrationForm;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;
import pl.koordes.support.IntegrationTest;

/**
 * The messages around an event: one reminder per confirmed person the day before, however many nodes run
 * the job at once; a change of time or place and a cancellation told to everyone registered.
 */
@IntegrationTest
class EventNotificationsIntegrationTests {

    private static final Locale PL = Locale.forLanguageTag("pl");

    @Autowired
    EventRegistrations registrations;

    @Autowired
    EventReminders reminders;

    @Autowired
    EventManagement management;

    @Autowired
    EventCatalogue catalogue;

    @Autowired
    JdbcClient jdbc;

    private final CurrentUser editor = new CurrentUser(
            2_000_000,
            "redakcja@test.koordes.example",
            "Redakcja",
            List.of(new RoleAssignment(Role.EDITOR, null)),
            "pl");

    @Test
    void theReminderGoesOutOncePerConfirmedPersonEvenWhenTwoNodesRunTheJobTogether() {
        EventSamples samples = new EventSamples(jdbc);
        long event = samples.published(2, null);
        jdbc.sql("update event set starts_at = now() + interval '20 hours', ends_at = now() + interval '22 hours',"
                        + " online_link = 'https://spotkanie.example/r' where id = :id")
                .param("id", event)
                .update();
        for (int n = 0; n < 3; n++) {
            registrations.register(event, RegistrationForm.oneStep(), samples.person(n), PL);
        }

        Instant now = Instant.now();
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> reminders.sendDue(now));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> reminders.sendDue(now));
        int sentForAll = first.join() + second.join();
        assertThat(reminders.sendDue(now.plusSeconds(600))).isZero();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(mails(samples, "reminder"))
                        .containsExactlyInAnyOrder(samples.email(0), samples.email(1)));
        assertThat(sentForAll).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql(
                                "select text_body from notifications_dev_mailbox where kind = 'reminder' and recipient = :to")
                        .param("to", samples.email(0))
                        .query(String.class)
                        .single())
                .contains("https://spotkanie.example/r");
    }

    @Test
    void changingTheTimeAndCancellingTellEveryoneRegistered() {
        EventSamples samples = new EventSamples(jdbc);
        long event = samples.published(1, null);
        registrations.register(event, RegistrationForm.oneStep(), samples.person(0), PL);
        registrations.register(event, RegistrationForm.oneStep(), samples.person(1), PL);

        EventForm form = EventForm.of(catalogue.find(event).orElseThrow());
        EventForm later = form.withTimes(LocalTime.of(15, 0), LocalTime.of(18, 0));
        management.update(editor, event, later);
        management.changeStatus(editor, event, EventStatus.CANCELLED);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(mails(samples, "eventChanged")).containsExactlyInAnyOrder(samples.email(0), samples.email(1));
            assertThat(mails(samples, "eventCancelled")).containsExactlyInAnyOrder(samples.email(0), samples.email(1));
        });
        // The notification centre tells the same accounts, once each (issue 18): the seat, the change, the
        // cancellation.
        long first = samples.person(0).id();
        long second = samples.person(1).id();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(notices(event))
                        .containsExactlyInAnyOrder(
                                first + " registration-confirmed",
                                first + " event-changed",
                                second + " event-changed",
                                first + " event-cancelled",
                                second + " event-cancelled"));
        assertThat(jdbc.sql("select text from notifications_notice where link = :link and kind = 'event-changed'"
                                + " and account_id = :account")
                        .param("link", "/wydarzenia/" + event)
                        .param("account", first)
                        .query(String.class)
                        .single())
                .contains("Spotkanie <script>alert(1)</script> " + samples.run)
                .containsPattern("teraz: \\d{2}\\.\\d{2}\\.\\d{4} 15:00");
        assertThat(jdbc.sql(
                                "select text_body from notifications_dev_mailbox where kind = 'eventChanged' and recipient = :to")
                        .param("to", samples.email(0))
                        .query(String.class)
                        .single())
                // The e-mail says what changed, from what to what; the place did not change, so it is not named. The
                // sample's time follows the clock, so the old range may cross midnight ("22:17 – 13.12.2026 01:17").
                .containsPattern(
                        "Termin\\s+było: \\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}(–| – \\d{2}\\.\\d{2}\\.\\d{4} )"
                                + "\\d{2}:\\d{2}; teraz: \\d{2}\\.\\d{2}\\.\\d{4} 15:00–18:00")
                .doesNotContain("Miejsce\n");
    }

    @Test
    void withNotificationsOffAPersonGetsNoReminderButStillHearsOfTheChangeAndTheCancellation() {
        EventSamples samples = new EventSamples(jdbc);
        long event = samples.published(5, null);
        jdbc.sql("update event set starts_at = now() + interval '20 hours', ends_at = now() + interval '22 hours'"
                        + " where id = :id")
                .param("id", event)
                .update();
        // Person 0 had unticked "Chcę dostawać powiadomienia e-mail" (as migrated to the preferences); person 1 kept
        // it.
        jdbc.sql("""
                        with a as (insert into account (email, display_name, status)
                                   values (:email, 'Osoba 0', 'ACTIVE') returning id)
                        insert into notifications_setting (account_id, default_delivery, updated_at)
                        select id, 'APP', now() from a""").param("email", samples.email(0)).update();
        registrations.register(event, RegistrationForm.oneStep(), samples.person(0), PL);
        registrations.register(event, RegistrationForm.oneStep(), samples.person(1), PL);

        assertThat(reminders.sendDue(Instant.now())).isGreaterThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(mails(samples, "reminder")).containsExactly(samples.email(1)));
        // The job has returned, so person 0's reminder would already be queued: it never was.
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like :to"
                                + " and serialized_event like '%\"reminder\"%'")
                        .param("to", "%" + samples.email(0) + "%")
                        .query(Long.class)
                        .single())
                .isZero();

        EventForm form = EventForm.of(catalogue.find(event).orElseThrow());
        management.update(editor, event, form.withTimes(LocalTime.of(15, 0), LocalTime.of(18, 0)));
        management.changeStatus(editor, event, EventStatus.CANCELLED);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(mails(samples, "registrationConfirmed"))
                    .containsExactlyInAnyOrder(samples.email(0), samples.email(1));
            assertThat(mails(samples, "eventChanged")).containsExactlyInAnyOrder(samples.email(0), samples.email(1));
            assertThat(mails(samples, "eventCancelled")).containsExactlyInAnyOrder(samples.email(0), samples.email(1));
        });
        assertThat(mails(samples, "reminder")).containsExactly(samples.email(1));
    }

    private List<String> notices(long event) {
        return jdbc.sql("select account_id || ' ' || kind from notifications_notice where link = :link")
                .param("link", "/wydarzenia/" + event)
                .query(String.class)
                .list();
    }

    private List<String> mails(EventSamples samples, String kind) {
        return jdbc.sql("select recipient from notifications_dev_mailbox where kind = :kind and recipient like :run")
                .param("kind", kind)
                .param("run", "%." + samples.run + "@%")
                .query(String.class)
                .list();
    }
}
