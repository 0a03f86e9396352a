package pl.koordes.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * The sessions of a case through real HTTP requests as the demo accounts: the expert plans the next session,
 * records sessions (the first moves the case to IN_PROGRESS; hours beyond the limit wait for the operator, who is
 * told), adds a task its owner marks done, and closes the case once nothing waits; the region is told. Who may do
 * it: the case's experts and the operator; another expert, another region, a participant and changed ids are told
 * there is no such thing.
 */
@IntegrationTest
class SessionsIntegrationTests {

    private static final String PREFIX = "Test sesji";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    SessionsTesting testing;

    @BeforeEach
    void setUp() {
        testing = new SessionsTesting(jdbc, port);
    }

    @AfterEach
    void cleanUp() {
        testing.cleanUp(PREFIX);
    }

    @Test
    void theExpertPlansRecordsBeyondTheLimitAddsATaskAndClosesOnceTheOperatorConsented() {
        long id = testing.newCase(
                PREFIX + " pełna ścieżka",
                "malopolskie",
                "INDIVIDUAL",
                "ACCEPTED",
                new BigDecimal("4"),
                DemoAccounts.EXPERT);
        SignedInClient expert = testing.signedIn(DemoAccounts.EXPERT, "127.0.31.1");
        String base = "/doradztwo/" + id;

        // The next session's date: SCHEDULED, audited, the region told.
        String planned = SessionsTesting.today().plusDays(7).toString();
        HttpResponse<String> scheduled = expert.post(base + "/termin", "scheduledOn", planned);
        assertThat(scheduled.statusCode()).isEqualTo(302);
        assertThat(testing.status(id)).isEqualTo("SCHEDULED");
        assertThat(testing.audit("ADVISORY_REQUEST_UPDATED", id)).isEqualTo(1);
        assertThat(expert.get(base).body())
                .contains("Termin następnej sesji zapisano.")
                .contains("Następna sesja: "
                        + Formats.date(SessionsTesting.today().plusDays(7)) + ".");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> testing.notices(DemoAccounts.COORDINATOR_MALOPOLSKIE, "advisory-session-scheduled") > 0);
        // A date in the past is refused with the reason.
        HttpResponse<String> past = expert.post(
                base + "/termin",
                "scheduledOn",
                SessionsTesting.today().minusDays(1).toString());
        assertThat(past.statusCode()).isEqualTo(422);
        assertThat(past.body()).contains("nie może być wcześniejsza niż dziś");

        // The form says how many hours are left.
        HttpResponse<String> form = expert.get(base + "/sesje/nowa");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body())
                .contains("Policzone dotąd godziny: 0 z 4 godzin limitu.")
                .contains("Zostało 4 godziny.");

        // The first session, hours with a comma: IN_PROGRESS, audited, the region told.
        HttpResponse<String> first = expert.post(
                base + "/sesje/nowa",
                "heldOn",
                SessionsTesting.today().toString(),
                "hours",
                "2,5",
                "sessionMode",
                "ONLINE",
                "participants",
                "Zespół ROPS",
                "summary",
                "Omówiliśmy wskaźniki.",
                "recommendations",
                "Uzupełnić dane.",
                "tasks[0].description",
                "Notatka dla komitetu",
                "tasks[0].ownerId",
                String.valueOf(testing.account(DemoAccounts.COORDINATOR_MALOPOLSKIE)),
                "tasks[0].dueOn",
                SessionsTesting.today().plusDays(14).toString());
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(testing.status(id)).isEqualTo("IN_PROGRESS");
        assertThat(testing.audit("ADVISORY_SESSION_RECORDED", id)).isEqualTo(1);
        assertThat(testing.audit("ADVISORY_TASK_ADDED", id)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> testing.notices(DemoAccounts.COORDINATOR_MALOPOLSKIE, "advisory-session-recorded") > 0);
        String page = expert.get(base).body();
        assertThat(page)
                .contains("Sesję zapisano.")
                .contains("Policzone godziny: 2,5 z 4 godzin.")
                .contains("Omówiliśmy wskaźniki.")
                .contains("Notatka dla komitetu");

        // The second, with a dot, goes beyond the limit: PENDING, the expert and the operators told.
        HttpResponse<String> second = expert.post(
                base + "/sesje/nowa",
                "heldOn",
                SessionsTesting.today().toString(),
                "hours",
                "2.5",
                "sessionMode",
                "IN_PERSON",
                "summary",
                "Druga sesja.");
        assertThat(second.statusCode()).isEqualTo(302);
        long pending = testing.sessionOf(id);
        assertThat(jdbc.sql("select consent from advisory_session where id = :s")
                        .param("s", pending)
                        .query(String.class)
                        .single())
                .isEqualTo("PENDING");
        page = expert.get(base).body();
        assertThat(page)
                .contains("czekają na zgodę operatora")
                .contains("Czeka na zgodę operatora")
                .contains("Policzone godziny: 2,5 z 4 godzin.")
                .contains("2,5 godziny czeka na zgodę operatora.");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> testing.notices(DemoAccounts.EDITOR, "advisory-hours-consent") > 0);

        // Closing is refused while hours wait.
        HttpResponse<String> refused = expert.post(base + "/zakoncz", "finalRecommendation", "Koniec.");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("czekają na zgodę operatora");
        assertThat(expert.get(base + "/zakoncz").body()).contains("Nie można jeszcze zakończyć");

        // The coordinator, the task's owner, marks it done; the coordinator records nothing.
        SignedInClient coordinator = testing.signedIn(DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.31.2");
        assertThat(coordinator.get(base).body())
                .contains("Oznacz jako wykonane")
                .doesNotContain("Zapisz sesję");
        long task = testing.taskOf(id);
        assertThat(coordinator.post(base + "/zadania/" + task + "/wykonane").statusCode())
                .isEqualTo(302);
        assertThat(testing.audit("ADVISORY_TASK_DONE", id)).isEqualTo(1);
        assertThat(coordinator.post(base + "/sesje/nowa", "summary", "x").statusCode())
                .isEqualTo(403);
        assertThat(coordinator.get(base + "/zakoncz").statusCode()).isEqualTo(403);

        // The operator consents (the assignment part's page; here directly), then the expert closes.
        jdbc.sql("update advisory_session set consent = 'GRANTED' where id = :s")
                .param("s", pending)
                .update();
        assertThat(expert.get(base + "/zakoncz").body()).contains("2 sesje, 5 godzin zostanie w zestawieniach.");
        HttpResponse<String> empty = expert.post(base + "/zakoncz", "finalRecommendation", "  ");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Napisz rekomendację końcową.");
        HttpResponse<String> closed =
                expert.post(base + "/zakoncz", "finalRecommendation", "Kontynuować pracę komitetu.");
        assertThat(closed.statusCode()).isEqualTo(302);
        assertThat(testing.status(id)).isEqualTo("COMPLETED");
        assertThat(testing.audit("ADVISORY_COMPLETED", id)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> testing.notices(DemoAccounts.COORDINATOR_MALOPOLSKIE, "advisory-completed") > 0);
        assertThat(coordinator.get(base).body())
                .contains("Kontynuować pracę komitetu.")
                .contains("Policzone godziny: 5 z 4 godzin.");
        // A completed case takes no more sessions.
        assertThat(expert.get(base + "/sesje/nowa").statusCode()).isEqualTo(200);
        assertThat(expert.post(
                                base + "/sesje/nowa",
                                "heldOn",
                                SessionsTesting.today().toString(),
                                "hours",
                                "1",
                                "sessionMode",
                                "ONLINE",
                                "summary",
                                "Po zamknięciu.")
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void badHoursAndDatesAreRefusedWithTheReasonAndTheTypedTextKept() {
        long id = testing.newCase(
                PREFIX + " godziny",
                "malopolskie",
                "INDIVIDUAL",
                "ACCEPTED",
                new BigDecimal("16"),
                DemoAccounts.EXPERT);
        SignedInClient expert = testing.signedIn(DemoAccounts.EXPERT, "127.0.31.3");
        String base = "/doradztwo/" + id;
        for (String hours : new String[] {"2,6", "abc", "0", "25", "-1", "1,125"}) {
            HttpResponse<String> response = expert.post(
                    base + "/sesje/nowa",
                    "heldOn",
                    SessionsTesting.today().toString(),
                    "hours",
                    hours,
                    "sessionMode",
                    "ONLINE",
                    "summary",
                    "Tekst, który zostaje");
            assertThat(response.statusCode()).as(hours).isEqualTo(422);
            assertThat(response.body())
                    .contains("Podaj liczbę godzin z dokładnością do kwadransa")
                    .contains("Tekst, który zostaje");
        }
        HttpResponse<String> future = expert.post(
                base + "/sesje/nowa",
                "heldOn",
                SessionsTesting.today().plusDays(1).toString(),
                "hours",
                "1,75",
                "sessionMode",
                "ONLINE",
                "summary",
                "Jutrzejsza");
        assertThat(future.statusCode()).isEqualTo(422);
        assertThat(future.body()).contains("Data sesji nie może być późniejsza niż dziś.");
        HttpResponse<String> missing = expert.post(base + "/sesje/nowa", "hours", "1");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains("Napisz podsumowanie sesji.").contains("Wybierz formę sesji.");
        // A half-filled task row is refused beside its fields.
        HttpResponse<String> task = expert.post(
                base + "/sesje/nowa",
                "heldOn",
                SessionsTesting.today().toString(),
                "hours",
                "1",
                "sessionMode",
                "ONLINE",
                "summary",
                "Z zadaniem",
                "tasks[0].description",
                "Bez osoby");
        assertThat(task.statusCode()).isEqualTo(422);
        assertThat(task.body())
                .contains("Wybierz osobę z listy albo wpisz, kto odpowiada.")
                .contains("Bez osoby");
        assertThat(testing.status(id)).isEqualTo("ACCEPTED");
        assertThat(testing.audit("ADVISORY_SESSION_RECORDED", id)).isZero();
        // "Add another task" shows one more row and saves nothing.
        HttpResponse<String> more = expert.post(base + "/sesje/nowa", "wiersz", "tak", "summary", "Zostaje");
        assertThat(more.statusCode()).isEqualTo(200);
        assertThat(more.body()).contains("name=\"tasks[0].description\"").contains("Zostaje");
    }

    @Test
    void onlyTheCasesExpertsAndTheOperatorRecordAndChangedIdsFindNothing() {
        long id = testing.newCase(
                PREFIX + " uprawnienia",
                "malopolskie",
                "INDIVIDUAL",
                "ACCEPTED",
                new BigDecimal("8"),
                DemoAccounts.EXPERT);
        long other = testing.newCase(
                PREFIX + " inna",
                "slaskie",
                "INDIVIDUAL",
                "IN_PROGRESS",
                new BigDecimal("8"),
                DemoAccounts.EXPERT_OTHER);
        String base = "/doradztwo/" + id;
        String[] session = {
            "heldOn", SessionsTesting.today().toString(), "hours", "1", "sessionMode", "ONLINE", "summary", "Sesja"
        };
        // The other expert recording hours on a case not theirs: there is no such case.
        SignedInClient otherExpert = testing.signedIn(DemoAccounts.EXPERT_OTHER, "127.0.31.4");
        assertThat(otherExpert.post(base + "/sesje/nowa", session).statusCode()).isEqualTo(404);
        assertThat(otherExpert.get(base + "/sesje/nowa").statusCode()).isEqualTo(404);
        assertThat(otherExpert
                        .post(base + "/zakoncz", "finalRecommendation", "x")
                        .statusCode())
                .isEqualTo(404);
        // Another region's coordinator, a central institution, a participant: 404 too.
        for (String[] who : new String[][] {
            {DemoAccounts.COORDINATOR_SLASKIE, "127.0.31.5"},
            {DemoAccounts.CENTRAL_INSTITUTION, "127.0.31.6"},
            {DemoAccounts.PARTICIPANT, "127.0.31.7"}
        }) {
            SignedInClient client = testing.signedIn(who[0], who[1]);
            assertThat(client.post(base + "/sesje/nowa", session).statusCode())
                    .as(who[0])
                    .isEqualTo(404);
            assertThat(client.post(
                                    base + "/termin",
                                    "scheduledOn",
                                    SessionsTesting.today().toString())
                            .statusCode())
                    .as(who[0])
                    .isEqualTo(404);
        }
        assertThat(testing.audit("ADVISORY_SESSION_RECORDED", id)).isZero();

        SignedInClient expert = testing.signedIn(DemoAccounts.EXPERT, "127.0.31.8");
        assertThat(expert.post(base + "/sesje/nowa", session).statusCode()).isEqualTo(302);
        long mine = testing.sessionOf(id);
        // The expert on the other expert's case: 404.
        assertThat(expert.post("/doradztwo/" + other + "/sesje/nowa", session).statusCode())
                .isEqualTo(404);
        // The other case's session and task ids under this case: 404.
        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.31.9");
        assertThat(editor.post("/doradztwo/" + other + "/sesje/nowa", session).statusCode())
                .isEqualTo(302);
        long theirs = testing.sessionOf(other);
        assertThat(expert.get(base + "/sesje/" + theirs).statusCode()).isEqualTo(404);
        assertThat(expert.get(base + "/sesje/" + theirs + "/usun").statusCode()).isEqualTo(404);
        assertThat(expert.post(base + "/sesje/" + theirs + "/usun", "potwierdzenie", "tak")
                        .statusCode())
                .isEqualTo(404);
        assertThat(editor.post(
                                "/doradztwo/" + other + "/zadania",
                                "description",
                                "Cudze",
                                "ownerName",
                                "Zespół",
                                "dueOn",
                                SessionsTesting.today().plusDays(3).toString())
                        .statusCode())
                .isEqualTo(302);
        long theirTask = testing.taskOf(other);
        assertThat(expert.post(base + "/zadania/" + theirTask + "/wykonane").statusCode())
                .isEqualTo(404);
        assertThat(testing.audit("ADVISORY_SESSION_REMOVED", other)).isZero();

        // Editing with a stale version: 409, the typed text kept; removing asks first, then goes back to ACCEPTED.
        int version = testing.version(mine);
        HttpResponse<String> saved = expert.post(
                base + "/sesje/" + mine,
                "version",
                String.valueOf(version),
                "heldOn",
                SessionsTesting.today().toString(),
                "hours",
                "1,25",
                "sessionMode",
                "ONLINE",
                "summary",
                "Poprawione");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(testing.audit("ADVISORY_SESSION_UPDATED", id)).isEqualTo(1);
        HttpResponse<String> stale = expert.post(
                base + "/sesje/" + mine,
                "version",
                String.valueOf(version),
                "heldOn",
                SessionsTesting.today().toString(),
                "hours",
                "2",
                "sessionMode",
                "ONLINE",
                "summary",
                "Moja nieaktualna wersja");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Ktoś zmienił tę sesję").contains("Moja nieaktualna wersja");
        assertThat(expert.post(base + "/sesje/" + mine + "/usun").statusCode()).isEqualTo(302);
        assertThat(testing.status(id)).isEqualTo("IN_PROGRESS");
        HttpResponse<String> question = expert.get(base + "/sesje/" + mine + "/usun");
        assertThat(question.statusCode()).isEqualTo(200);
        assertThat(question.body()).contains("Usunąć sesję?").contains("1,25 godziny przestanie się liczyć");
        assertThat(expert.post(base + "/sesje/" + mine + "/usun", "potwierdzenie", "tak")
                        .statusCode())
                .isEqualTo(302);
        assertThat(testing.status(id)).isEqualTo("ACCEPTED");
        assertThat(testing.audit("ADVISORY_SESSION_REMOVED", id)).isEqualTo(1);
    }

    @Test
    void aGroupSessionLinksAnEventOfTheRegionAndTheEventPageSaysSoWithTopicAndRegionOnly() {
        long id = testing.newCase(
                PREFIX + " grupowa tajna",
                "malopolskie",
                "GROUP",
                "ACCEPTED",
                new BigDecimal("8"),
                DemoAccounts.EXPERT);
        long event = jdbc.sql("""
                        select min(e.id) from event e join region r on r.id = e.region_id
                        where r.slug = 'malopolskie' and e.level = 'REGIONAL' and e.status = 'PUBLISHED'
                        """).query(Long.class).single();
        long elsewhere = jdbc.sql("""
                        select min(e.id) from event e join region r on r.id = e.region_id
                        where r.slug = 'slaskie' and e.level = 'REGIONAL' and e.status = 'PUBLISHED'
                        """).query(Long.class).single();
        SignedInClient expert = testing.signedIn(DemoAccounts.EXPERT, "127.0.31.10");
        String base = "/doradztwo/" + id;
        assertThat(expert.get(base + "/sesje/nowa").body()).contains("name=\"eventId\"");
        HttpResponse<String> wrong = expert.post(
                base + "/sesje/nowa",
                "heldOn",
                SessionsTesting.today().toString(),
                "hours",
                "3",
                "sessionMode",
                "IN_PERSON",
                "summary",
                "Warsztat",
                "eventId",
                String.valueOf(elsewhere));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("Wybierz wydarzenie województwa tej sprawy z listy.");
        HttpResponse<String> linked = expert.post(
                base + "/sesje/nowa",
                "heldOn",
                SessionsTesting.today().toString(),
                "hours",
                "3",
                "sessionMode",
                "IN_PERSON",
                "summary",
                "Warsztat",
                "eventId",
                String.valueOf(event));
        assertThat(linked.statusCode()).isEqualTo(302);
        assertThat(expert.get(base).body()).contains("href=\"/wydarzenia/" + event + "\"");
        String topic = jdbc.sql("select name_pl from advisory_topic where id = (select min(id) from advisory_topic)")
                .query(String.class)
                .single();
        String eventPage = new SignedInClient(port, "127.0.31.11")
                .get("/wydarzenia/" + event)
                .body();
        assertThat(eventPage)
                .contains("Sesja doradcza")
                .contains(topic)
                .contains(jdbc.sql("select name_pl from region where slug = 'malopolskie'")
                        .query(String.class)
                        .single())
                .doesNotContain("grupowa tajna")
                .doesNotContain(base);
    }
}
