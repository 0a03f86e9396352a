package pl.koordes.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.committees.MeetingStatus;
import pl.koordes.committees.internal.Meeting;
import pl.koordes.events.EventLevel;
import pl.koordes.events.EventStatus;
import pl.koordes.events.internal.Audience;
import pl.koordes.events.internal.Event;
import pl.koordes.events.internal.EventChange;
import pl.koordes.events.internal.EventFormat;
import pl.koordes.events.internal.EventType;
import pl.koordes.notifications.internal.Digests;
import pl.koordes.shared.mail.MailKind;
import pl.koordes.shared.mail.MailRequested;
import pl.koordes.shared.mail.Mailer;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * Issue 11, item 3: an account that unticked "Chcę dostawać powiadomienia e-mail" gets only the essential
 * kinds of mail (one case per {@link MailKind}); an account that wants notifications and a visitor's
 * address without an account get every kind.
 */
@IntegrationTest
class MailPreferencesIntegrationTests {

    private static final Locale PL = Locale.forLanguageTag("pl");

    @Autowired
    Mailer mailer;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @LocalServerPort
    int port;

    @ParameterizedTest
    @EnumSource(MailKind.class)
    void withNotificationsOffOnlyTheEssentialKindsAreDelivered(MailKind kind) {
        String address = account(false);

        UUID id = send(address, kind);

        // The digest is optional (it can be unsubscribed from) but goes to whoever chose it: the job asks first.
        if (kind.optional() && kind != MailKind.DIGEST) {
            // Dropped when requested: nothing was queued, so nothing can be delivered later.
            assertThat(queued(id)).as("%s queued", kind).isZero();
            assertThat(delivered(id)).as("%s delivered", kind).isZero();
        } else {
            awaitDelivered(id, address, kind);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = MailKind.class,
            names = {"EVENT_REMINDER", "COMMENT_PUBLISHED"})
    void optionalKindsGoToAccountsThatWantThemAndToVisitors(MailKind kind) {
        assertThat(kind.optional()).isTrue();
        String wants = account(true);
        String visitor = "gosc-" + UUID.randomUUID() + "@test.koordes.example";

        awaitDelivered(send(wants, kind), wants, kind);
        awaitDelivered(send(visitor, kind), visitor, kind);
    }

    @Test
    void choosingTheApplicationOnlyOnThePreferencesPageStopsThatKindAndKeepsTheEssential() {
        String address = account(true);
        String password = "Powiadomienia: łąka " + UUID.randomUUID();
        jdbc.sql("update account set password_hash = :hash where email = :email")
                .param("hash", passwords.encode(password))
                .param("email", address)
                .update();
        jdbc.sql(
                        "insert into role_assignment (account_id, role) select id, 'PARTICIPANT' from account where email = :email")
                .param("email", address)
                .update();
        SignedInClient client = new SignedInClient(port);
        assertThat(client.signIn(address, password).statusCode()).isEqualTo(302);

        // The profile page leads to the preferences; its own form no longer carries a switch.
        assertThat(client.get("/konto").body()).contains("href=\"/konto/powiadomienia\"");
        var page = client.get("/konto/powiadomienia");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"delivery[event-reminder]\" value=\"EMAIL\" checked");

        var saved = client.submit(
                "/konto/powiadomienia",
                "/konto/powiadomienia",
                "delivery[event-reminder]",
                "APP",
                "delivery[comment-published]",
                "DIGEST",
                "delivery[event-changed]",
                "APP",
                "digestHour",
                "18");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(SignedInClient.location(saved)).isEqualTo("/konto/powiadomienia?zapisano");
        assertThat(client.get("/konto/powiadomienia").body())
                .contains("name=\"delivery[event-reminder]\" value=\"APP\" checked")
                .contains("name=\"delivery[comment-published]\" value=\"DIGEST\" checked")
                .contains("<option value=\"18\" selected>18:00</option>");

        assertThat(queued(send(address, MailKind.EVENT_REMINDER))).isZero();
        awaitDelivered(send(address, MailKind.SURVEY_INVITATION), address, MailKind.SURVEY_INVITATION);
        // Essential kinds cannot be turned off: "event-changed" was ignored.
        awaitDelivered(send(address, MailKind.EVENT_CHANGED), address, MailKind.EVENT_CHANGED);
        awaitDelivered(send(address, MailKind.PASSWORD_RESET), address, MailKind.PASSWORD_RESET);

        // Audited once, with before and after; the same choices sent again change and record nothing.
        assertThat(audits(address)).isEqualTo(1);
        var again = client.submit(
                "/konto/powiadomienia",
                "/konto/powiadomienia",
                "delivery[event-reminder]",
                "APP",
                "delivery[comment-published]",
                "DIGEST",
                "digestHour",
                "18");
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(audits(address)).isEqualTo(1);
        assertThat(jdbc.sql("""
                        select after_value ->> 'event-reminder' from audit_entry
                        where action = 'NOTIFICATION_PREFERENCES_CHANGED' and actor_label = :email""").param("email", address).query(String.class).single())
                .isEqualTo("APP");

        // Mistakes come back beside their fields, with the summary, and change nothing.
        var wrong = client.submit(
                "/konto/powiadomienia",
                "/konto/powiadomienia",
                "delivery[comment-awaiting]",
                "EMAIL",
                "delivery[event-reminder]",
                "NEVER",
                "digestHour",
                "24");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body())
                .contains("error-summary", "href=\"#digestHour\"", "href=\"#delivery[comment-awaiting]\"")
                .contains("Wybierz godzinę od 00:00 do 23:00.");
        assertThat(audits(address)).isEqualTo(1);
    }

    @Test
    void theAddressIsComparedWithoutRegardToCase() {
        String address = account(false);

        UUID id = send(address.toUpperCase(Locale.ROOT), MailKind.EVENT_REMINDER);

        assertThat(queued(id)).isZero();
    }

    @Test
    void onlyTheRemindersAndCommentNoticesAreOptional() {
        assertThat(List.of(MailKind.values()).stream().filter(MailKind::optional))
                .containsExactlyInAnyOrder(
                        MailKind.EVENT_REMINDER,
                        MailKind.COMMENT_PUBLISHED,
                        MailKind.DIGEST,
                        MailKind.REPORTING_SUBMITTED,
                        MailKind.REPORTING_REMINDER,
                        MailKind.REPORTING_OVERDUE,
                        MailKind.POSTULATE_SUBMITTED,
                        MailKind.POSTULATE_ANSWERED,
                        MailKind.POSTULATE_OVERDUE,
                        MailKind.POSTULATE_COSIGNED,
                        MailKind.POSTULATE_CHANGED,
                        MailKind.SURVEY_INVITATION,
                        MailKind.SURVEY_REMINDER,
                        MailKind.ADVISORY_REQUESTED,
                        MailKind.ADVISORY_DECIDED,
                        MailKind.ADVISORY_TASK_ASSIGNED,
                        MailKind.ADVISORY_TASK_OVERDUE,
                        MailKind.ADVISORY_COMPLETED,
                        MailKind.COMMITTEE_TERM_ENDING,
                        MailKind.DISCUSSION_POST,
                        MailKind.DISCUSSION_MENTION);
    }

    private UUID send(String to, MailKind kind) {
        MailRequested mail = transactions.execute(status -> mailer.send(to, PL, kind.template(), model()));
        assertThat(mail).isNotNull();
        return mail.id();
    }

    private String account(boolean notifications) {
        String address = "konto-" + UUID.randomUUID() + "@test.koordes.example";
        // An account that turned notification e-mail off before per-kind preferences existed: as migrated.
        jdbc.sql("""
                        with a as (insert into account (email, display_name, status)
                                   values (:email, 'Zofia Powiadomień', 'ACTIVE') returning id),
                             s as (insert into notifications_setting (account_id, default_delivery, updated_at)
                                   select id, 'APP', now() from a where not :notifications)
                        select id from a
                        """)
                .param("email", address)
                .param("notifications", notifications)
                .query(Long.class)
                .single();
        return address;
    }

    private long audits(String address) {
        return jdbc.sql("""
                        select count(*) from audit_entry
                        where action = 'NOTIFICATION_PREFERENCES_CHANGED' and actor_label = :email""").param("email", address).query(Long.class).single();
    }

    private long queued(UUID id) {
        return jdbc.sql("select count(*) from event_publication where serialized_event like :id")
                .param("id", "%" + id + "%")
                .query(Long.class)
                .single();
    }

    private long delivered(UUID id) {
        return jdbc.sql("select count(*) from notifications_dev_mailbox where id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    private void awaitDelivered(UUID id, String address, MailKind kind) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.sql("""
                                select kind from notifications_dev_mailbox where id = :id and recipient = :to
                                """)
                                .param("id", id)
                                .param("to", address)
                                .query(String.class)
                                .optional())
                        .as("%s delivered to %s", kind, address)
                        .contains(kind.kind()));
    }

    /** Every parameter any mail template takes, so that one model renders each kind. */
    private static Map<String, Object> model() {
        Instant start = Instant.now().plus(7, ChronoUnit.DAYS);
        Event event = new Event(
                1,
                EventType.MEETING,
                EventLevel.NATIONAL,
                null,
                null,
                EventFormat.IN_PERSON,
                "Spotkanie koordynatorów",
                "",
                "Sala",
                "ul. Przykładowa 1, Kraków",
                null,
                start,
                start.plusSeconds(7200),
                10,
                0,
                null,
                null,
                null,
                Audience.ANYONE,
                Set.of(),
                EventStatus.PUBLISHED,
                "",
                "",
                List.of(),
                List.of(),
                "",
                "");
        return Map.ofEntries(
                Map.entry("event", event),
                Map.entry("name", "Zofia Powiadomień"),
                Map.entry("address", "nowy@test.koordes.example"),
                Map.entry("articleTitle", "Artykuł"),
                Map.entry("title", "Komentarz"),
                Map.entry("cancelPath", "/wydarzenia/rezygnacja?token=x"),
                Map.entry("confirmPath", "/wydarzenia/zapis/potwierdz?token=x"),
                Map.entry("invitedBy", "Ada Administracyjna"),
                Map.entry("note", "próba"),
                Map.entry(
                        "digestItems",
                        List.of(new Digests.Item("Wydarzenie odwołane.", "/wydarzenia/1", "01.01.2027 10:00"))),
                Map.entry("digestCount", 1L),
                Map.entry("path", "/konto"),
                Map.entry("roles", "Ekspert"),
                Map.entry("validUntil", "01.01.2027 12:00"),
                Map.entry("what", "mail.credentials.PASSWORD_CHANGED"),
                Map.entry("when", "01.01.2027 12:00"),
                Map.entry("confirmed", true),
                Map.entry(
                        "changes",
                        List.of(new EventChange(
                                "events.mail.change.when", "01.01.2027 10:00–12:00", "01.01.2027 11:00–13:00"))),
                Map.entry("seatHeld", true),
                Map.entry("hasAccount", false),
                Map.entry("days", 3L),
                Map.entry("hours", 24L),
                Map.entry("minutes", 30L),
                Map.entry("reportingRegion", "małopolskie"),
                Map.entry("reportingPeriod", "2025"),
                Map.entry("reportingDeadline", "28.02.2026"),
                Map.entry("reportingCount", 3L),
                Map.entry("reportingReason", "Proszę sprawdzić źródło."),
                Map.entry("reportingIndicator", "W1 Liczba PES"),
                Map.entry("draftingTitle", "Jednolity wzór sprawozdania"),
                Map.entry("draftingRegion", "małopolskie"),
                Map.entry("advisoryTitle", "Wskaźniki programu regionalnego"),
                Map.entry("advisoryRegion", "małopolskie"),
                Map.entry("answersTitle", "Postulat"),
                Map.entry("answersInstitution", "Ministerstwo Rodziny, Pracy i Polityki Społecznej"),
                Map.entry("answersDue", "31.01.2027"),
                Map.entry("answersStatus", "Przyjęty"),
                Map.entry("answersOverdue", 12L),
                Map.entry("postulateCosigner", "śląskie"),
                Map.entry("postulateChange", "Postulat „Próba” przekazano adresatowi."),
                Map.entry("invitationsTitle", "Potrzeby doradcze"),
                Map.entry("invitationsPurpose", "Zbieramy potrzeby doradcze regionów."),
                Map.entry("invitationsCloses", "31.08.2027 14:30"),
                Map.entry("invitationsDaysLeft", 3L),
                Map.entry("invitationsInstitution", true),
                Map.entry("invitationsDraft", true),
                Map.entry("assignmentTitle", "Klauzule społeczne w przetargach"),
                Map.entry("assignmentRegion", "małopolskie"),
                Map.entry("assignmentTopic", "Klauzule społeczne w zamówieniach"),
                Map.entry("assignmentAccepted", true),
                Map.entry("assignmentReason", ""),
                Map.entry("assignmentHours", "2,5 godziny"),
                Map.entry("sessionsTitle", "Klauzule społeczne w przetargach"),
                Map.entry("sessionsHours", "2,5"),
                Map.entry("sessionsCounted", "15"),
                Map.entry("sessionsLimit", "16"),
                Map.entry("sessionsTask", "Przygotować notatkę dla komitetu"),
                Map.entry("sessionsDueOn", "31.01.2027"),
                Map.entry("sessionsOwner", "Zespół ROPS"),
                Map.entry(
                        "meeting",
                        new Meeting(
                                1,
                                1,
                                1,
                                "Posiedzenie komitetu",
                                start,
                                start.plus(2, ChronoUnit.HOURS),
                                "Sala obrad",
                                null,
                                "1. Otwarcie",
                                MeetingStatus.CONVENED,
                                false,
                                null,
                                null,
                                start,
                                null,
                                0)),
                Map.entry("committeeName", "Regionalny Komitet Rozwoju Ekonomii Społecznej"),
                Map.entry("reason", "Brak kworum."),
                Map.entry("memberName", "Jan Próbny"),
                Map.entry("dates", "01.01.2027, 01.02.2027, 01.03.2027"),
                Map.entry("minutesMeeting", "Posiedzenie komitetu"),
                Map.entry("minutesHeldOn", "01.01.2027"),
                Map.entry("minutesUntil", "08.01.2027"),
                Map.entry("termEnd", "31.03.2027"),
                Map.entry("discussionsSpace", "Sieć koordynatorów"),
                Map.entry("discussionsThread", "Klauzule społeczne"),
                Map.entry("discussionsAuthor", "Kinga Koordynacyjna"),
                Map.entry("discussionsExcerpt", "Jak wpisujecie klauzule do umów?"));
    }
}
