package pl.koordes.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
import pl.koordes.surveys.internal.NeedManagement;

/**
 * The operator records a need from a survey answer, links an event (planned), the event's page shows the need,
 * the need is answered once the event has ended (or when marked by hand), unlinking everything opens it again;
 * the list's summary says it all with Polish plurals. Real HTTP requests as the demo accounts.
 */
@IntegrationTest
class NeedsIntegrationTests {

    private static final String PREFIX = "Test potrzeb";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NeedManagement management;

    @Autowired
    Needs needs;

    NeedsTesting testing;

    @BeforeEach
    void setUp() {
        testing = new NeedsTesting(jdbc, port);
    }

    @AfterEach
    void cleanUp() {
        testing.cleanUp(PREFIX);
    }

    @Test
    void aNeedFromAnAnswerIsPlannedByAnEventShownOnItsPageAndOpenAgainWhenUnlinked() {
        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.28.1");
        long survey = testing.survey();
        long question = testing.urgentQuestion();
        NeedsTesting.Answer answer = testing.answer();
        String regionName = jdbc.sql("select name_pl from region where id = :id")
                .param("id", answer.regionId())
                .query(String.class)
                .single();

        String prefilled =
                "/potrzeby/nowa?ankieta=" + survey + "&odpowiedz=" + answer.responseId() + "&pytanie=" + question;
        HttpResponse<String> form = editor.get(prefilled);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body())
                .contains("Odpowiedź, w której rozpoznano potrzebę")
                .contains(answer.text())
                .contains(regionName)
                .contains("<datalist id=\"tematy\">")
                .contains("name=\"responseId\" value=\"" + answer.responseId() + "\"");

        HttpResponse<String> created = editor.post(
                "/potrzeby/nowa",
                "topic",
                PREFIX + ": doradztwo w zamówieniach",
                "regionId",
                String.valueOf(answer.regionId()),
                "description",
                "Ośrodek potrzebuje porady o klauzulach społecznych.",
                "surveyId",
                String.valueOf(survey),
                "responseId",
                String.valueOf(answer.responseId()),
                "questionId",
                String.valueOf(question));
        assertThat(created.statusCode()).isEqualTo(302);
        long need = NeedsTesting.idOf(SignedInClient.location(created));
        assertThat(testing.status(need)).isEqualTo("OPEN");
        assertThat(testing.audit("NEED_CREATED", need)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from surveys_need_source where need_id = :n and response_id = :r")
                        .param("n", need)
                        .param("r", answer.responseId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        String page = editor.get("/potrzeby/" + need).body();
        assertThat(page)
                .contains("Potrzebę zapisano.")
                .contains(answer.text())
                .contains("Ankieta „" + NeedsTesting.SURVEY + "”")
                .contains("Otwarta")
                .contains("Nic jeszcze nie odpowiedziało na tę potrzebę.");

        long event = testing.event(PREFIX + " spotkanie w przyszłości", "PUBLISHED", "20 days");
        editor.get("/potrzeby/" + need + "/wydarzenie");
        HttpResponse<String> linked =
                editor.post("/potrzeby/" + need + "/wydarzenie", "eventId", String.valueOf(event));
        assertThat(linked.statusCode()).isEqualTo(302);
        assertThat(testing.status(need)).isEqualTo("PLANNED");
        assertThat(testing.audit("NEED_LINKED", need)).isEqualTo(1);
        assertThat(editor.get("/potrzeby/" + need).body())
                .contains("Zaplanowana odpowiedź")
                .contains("href=\"/wydarzenia/" + event + "\"")
                .contains("wydarzenie zaplanowane");
        // Linked again: refused beside the field.
        HttpResponse<String> again = editor.post("/potrzeby/" + need + "/wydarzenie", "eventId", String.valueOf(event));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("To wydarzenie jest już powiązane z tą potrzebą.");

        // The event's page, as anybody sees it (also without signing in).
        SignedInClient visitor = new SignedInClient(port, "127.0.28.2");
        for (String body : new String[] {
            visitor.get("/wydarzenia/" + event).body(),
            testing.signedIn(DemoAccounts.PARTICIPANT, "127.0.28.3")
                    .get("/wydarzenia/" + event)
                    .body()
        }) {
            assertThat(body)
                    .contains("Odpowiada na potrzeby zgłoszone w ankietach")
                    .contains("href=\"/potrzeby/" + need + "\"")
                    .contains(PREFIX + ": doradztwo w zamówieniach")
                    .contains(regionName);
        }

        String removal = "/potrzeby/" + need + "/powiazania/wydarzenie/" + event + "/usun";
        HttpResponse<String> question1 = editor.get(removal);
        assertThat(question1.statusCode()).isEqualTo(200);
        assertThat(question1.body()).contains("Usunąć powiązanie z potrzebą?").contains("znów będzie otwarta");
        HttpResponse<String> unconfirmed = editor.post(removal);
        assertThat(SignedInClient.location(unconfirmed)).endsWith(removal);
        assertThat(testing.status(need)).isEqualTo("PLANNED");
        assertThat(editor.post(removal, "potwierdzenie", "tak").statusCode()).isEqualTo(302);
        assertThat(testing.status(need)).isEqualTo("OPEN");
        assertThat(testing.audit("NEED_UNLINKED", need)).isEqualTo(1);
        assertThat(visitor.get("/wydarzenia/" + event).body()).doesNotContain("href=\"/potrzeby/" + need + "\"");
        assertThat(editor.get(removal).statusCode()).isEqualTo(404);
    }

    @Test
    void aNeedIsAnsweredOnceEveryLinkedEventHasEndedOrWhenTheOperatorMarksIt() {
        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.28.4");
        long need = testing.need(PREFIX + ": reguła", null);
        long past = testing.event(PREFIX + " spotkanie, które się odbyło", "COMPLETED", "-3 days");
        long soon = testing.event(PREFIX + " spotkanie wkrótce", "PUBLISHED", "2 days");
        long draft = testing.event(PREFIX + " szkic z przeszłą datą", "DRAFT", "-10 days");

        editor.get("/potrzeby/" + need + "/wydarzenie");
        assertThat(editor.post("/potrzeby/" + need + "/wydarzenie", "eventNumber", String.valueOf(past))
                        .statusCode())
                .isEqualTo(302);
        assertThat(testing.status(need)).as("a past event answers at once").isEqualTo("ANSWERED");
        assertThat(editor.get("/potrzeby/" + need).body())
                .contains("Zaspokojona")
                .contains("wydarzenie się odbyło");

        editor.post("/potrzeby/" + need + "/wydarzenie", "eventId", String.valueOf(soon));
        assertThat(testing.status(need)).as("one event still to come").isEqualTo("PLANNED");
        editor.post("/potrzeby/" + need + "/wydarzenie", "eventId", String.valueOf(draft));

        // The event ends: the job notices (a draft never took place, whatever its date).
        jdbc.sql(
                        "update event set starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' where id = :id")
                .param("id", soon)
                .update();
        management.refresh();
        assertThat(testing.status(need)).isEqualTo("PLANNED");
        jdbc.sql("update event set status = 'CANCELLED' where id = :id")
                .param("id", draft)
                .update();
        assertThat(management.refresh()).isPositive();
        assertThat(testing.status(need)).as("a cancelled event answers nothing").isEqualTo("ANSWERED");
        assertThat(testing.audit("NEED_UPDATED", need)).isEqualTo(1);
        assertThat(editor.get("/potrzeby/" + need).body()).contains("wydarzenie odwołane");

        // Marked by hand with a day: answered whatever is linked; a day to come is refused.
        long marked = testing.need(PREFIX + ": oznaczona", null);
        String form = editor.get("/potrzeby/" + marked + "/edycja").body();
        assertThat(form).contains("Zaspokojona dnia");
        String version = jdbc.sql("select row_version from surveys_need where id = :id")
                .param("id", marked)
                .query(String.class)
                .single();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Warsaw"));
        HttpResponse<String> future = editor.post(
                "/potrzeby/" + marked + "/edycja",
                "topic",
                PREFIX + ": oznaczona",
                "description",
                "Opis próbny",
                "answeredOn",
                today.plusDays(3).toString(),
                "version",
                version);
        assertThat(future.statusCode()).isEqualTo(422);
        assertThat(future.body()).contains("Dzień zaspokojenia nie może być w przyszłości.");
        HttpResponse<String> saved = editor.post(
                "/potrzeby/" + marked + "/edycja",
                "topic",
                PREFIX + ": oznaczona",
                "description",
                "Opis próbny",
                "answeredOn",
                today.minusDays(2).toString(),
                "version",
                version);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(testing.status(marked)).isEqualTo("ANSWERED");
        assertThat(editor.get("/potrzeby/" + marked).body())
                .contains("według oznaczenia operatora")
                .contains(Formats.date(today.minusDays(2)));

        // A form read before that change is stale: 409 with the text as typed.
        HttpResponse<String> stale = editor.post(
                "/potrzeby/" + marked + "/edycja",
                "topic",
                PREFIX + ": mój nowy temat",
                "description",
                "Mój tekst, którego nie wolno zgubić",
                "version",
                version);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Mój tekst, którego nie wolno zgubić").contains("Ktoś zmienił tę potrzebę");

        // Advice, through the API the advisory module will call: planned until given.
        long advised = testing.need(PREFIX + ": porada", null);
        needs.link(advised, NeedLinkKind.ADVICE, 424242);
        assertThat(testing.status(advised)).isEqualTo("PLANNED");
        assertThat(needs.needsAnsweredBy(NeedLinkKind.ADVICE, 424242))
                .extracting(NeedReference::id)
                .containsExactly(advised);
        needs.adviceGiven(424242, Instant.now().minusSeconds(60));
        assertThat(testing.status(advised)).isEqualTo("ANSWERED");
        assertThat(editor.get("/potrzeby/" + advised).body())
                .contains("porada nr 424242")
                .contains("porada udzielona");
        needs.unlink(advised, NeedLinkKind.ADVICE, 424242);
        assertThat(testing.status(advised)).isEqualTo("OPEN");
    }

    @Test
    void aDraftEventMadeFromANeedIsLinkedAuditedAsEventsAreAndOpensForEditing() {
        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.28.5");
        long need = testing.need(PREFIX + ": szkic wydarzenia", null);
        editor.get("/potrzeby/" + need + "/wydarzenie");
        HttpResponse<String> made = editor.post("/potrzeby/" + need + "/wydarzenie", "utworz", "tak");
        assertThat(made.statusCode()).isEqualTo(302);
        String location = SignedInClient.location(made);
        assertThat(location).contains("/organizacja/wydarzenia/");
        long event = NeedsTesting.idOf(location);
        assertThat(jdbc.sql("select status || ' ' || level || ' ' || title from event where id = :id")
                        .param("id", event)
                        .query(String.class)
                        .single())
                .isEqualTo("DRAFT REGIONAL " + PREFIX + ": szkic wydarzenia");
        assertThat(testing.audit("EVENT_CREATED", event)).isEqualTo(1);
        assertThat(testing.status(need)).isEqualTo("PLANNED");
        assertThat(editor.get(location).body()).contains("Szkic wydarzenia utworzono i powiązano z potrzebą.");
        assertThat(editor.get("/potrzeby/" + need).body()).contains("szkic wydarzenia, jeszcze nieopublikowany");
    }

    @Test
    void theSummaryCountsNeedsAnsweredEventsAndAdviceWithPolishPlurals() {
        SignedInClient coordinator = testing.signedIn(DemoAccounts.COORDINATOR_SLASKIE, "127.0.28.6");
        record Case(int n, String sentence) {}
        for (Case c : new Case[] {
            new Case(1, "Zebrano 1 potrzebę, 1 zaspokojono dzięki 1 wydarzeniu i 1 poradzie."),
            new Case(2, "Zebrano 2 potrzeby, 2 zaspokojono dzięki 2 wydarzeniom i 2 poradom."),
            new Case(5, "Zebrano 5 potrzeb, 5 zaspokojono dzięki 5 wydarzeniom i 5 poradom."),
            new Case(22, "Zebrano 22 potrzeby, 22 zaspokojono dzięki 22 wydarzeniom i 22 poradom.")
        }) {
            long survey = testing.ownSurvey(PREFIX + " ankieta " + c.n());
            for (int i = 0; i < c.n(); i++) {
                long need = testing.need(PREFIX + " " + i, survey);
                jdbc.sql("""
                                update surveys_need set status = 'ANSWERED', answered_at = now() where id = :id;
                                insert into surveys_need_link (need_id, kind, target_id, linked_at, done_at)
                                values (:id, 'EVENT', 800000 + :i, now(), null), (:id, 'ADVICE', 800000 + :i, now(), now())
                                """).param("id", need).param("i", i).update();
            }
            HttpResponse<String> list = coordinator.get("/potrzeby?ankieta=" + survey);
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).as("%d", c.n()).contains(c.sentence());
        }
        long survey = testing.ownSurvey(PREFIX + " ankieta bez odpowiedzi");
        testing.need(PREFIX + " otwarta", survey);
        testing.need(PREFIX + " otwarta druga", survey);
        assertThat(coordinator.get("/potrzeby?ankieta=" + survey).body())
                .contains("Zebrano 2 potrzeby, żadnej jeszcze nie zaspokojono.");
        // Filters by status keep the summary of every status.
        assertThat(coordinator
                        .get("/potrzeby?ankieta=" + survey + "&status=zaspokojona")
                        .body())
                .contains("Zebrano 2 potrzeby")
                .contains("Nie znaleziono żadnej potrzeby.");
    }

    @Test
    void staffReadNeedsOnlyTheOperatorChangesThemAndAnswersFollowTheSurveysVisibility() {
        long survey = testing.ownSurvey(PREFIX + " ankieta operatora");
        long need = testing.need(PREFIX + ": widoczność", survey);
        // An answer of a survey whose results only the operator sees.
        jdbc.sql("update surveys_survey set results_visibility = 'OPERATORS', published = true,"
                        + " opens_at = now() - interval '2 days', closes_at = now() - interval '1 day' where id = :s")
                .param("s", survey)
                .update();
        long section = jdbc.sql(
                        "insert into surveys_section (survey_id, position, title) values (:s, 1, 'S') returning id")
                .param("s", survey)
                .query(Long.class)
                .single();
        long question = jdbc.sql("""
                        insert into surveys_question (survey_id, section_id, position, type, text)
                        values (:s, :sec, 1, 'SHORT_TEXT', 'Pytanie próbne') returning id""")
                .param("s", survey)
                .param("sec", section)
                .query(Long.class)
                .single();
        long response = jdbc.sql("""
                        insert into surveys_response (survey_id, status, submitted_on, created_at, updated_at)
                        values (:s, 'SUBMITTED', current_date, now(), now()) returning id""").param("s", survey).query(Long.class).single();
        jdbc.sql("insert into surveys_answer (response_id, question_id, text_value) values (:r, :q, 'Tajna odpowiedź')")
                .param("r", response)
                .param("q", question)
                .update();
        jdbc.sql("insert into surveys_need_source (need_id, response_id, question_id) values (:n, :r, :q)")
                .param("n", need)
                .param("r", response)
                .param("q", question)
                .update();

        SignedInClient editor = testing.signedIn(DemoAccounts.EDITOR, "127.0.28.7");
        assertThat(editor.get("/potrzeby/" + need).body())
                .contains("Tajna odpowiedź")
                .contains("/edycja");
        String[] staff = {
            DemoAccounts.COORDINATOR_SLASKIE,
            DemoAccounts.COMMITTEE_MALOPOLSKIE,
            DemoAccounts.EXPERT,
            DemoAccounts.CENTRAL_INSTITUTION
        };
        for (int i = 0; i < staff.length; i++) {
            SignedInClient person = testing.signedIn(staff[i], "127.0.28." + (10 + i));
            HttpResponse<String> page = person.get("/potrzeby/" + need);
            assertThat(page.statusCode()).as(staff[i]).isEqualTo(200);
            assertThat(page.body())
                    .as(staff[i])
                    .doesNotContain("Tajna odpowiedź")
                    .contains("1 odpowiedź pochodzi z ankiety, której wyniki widzi tylko operator.")
                    .doesNotContain("/potrzeby/" + need + "/edycja")
                    .doesNotContain("Powiąż z wydarzeniem");
            assertThat(person.get("/potrzeby").statusCode()).as(staff[i]).isEqualTo(200);
            assertThat(person.get("/potrzeby/" + need + "/edycja").statusCode())
                    .as(staff[i])
                    .isEqualTo(403);
            assertThat(person.post("/potrzeby/" + need + "/usun", "potwierdzenie", "tak")
                            .statusCode())
                    .as(staff[i])
                    .isEqualTo(403);
            assertThat(person.post("/potrzeby/nowa", "topic", PREFIX + " cudza", "description", "x")
                            .statusCode())
                    .as(staff[i])
                    .isEqualTo(403);
        }
        SignedInClient participant = testing.signedIn(DemoAccounts.PARTICIPANT, "127.0.28.15");
        assertThat(participant.get("/potrzeby").statusCode()).isEqualTo(403);
        assertThat(participant.get("/potrzeby/" + need).statusCode()).isEqualTo(403);
        SignedInClient visitor = new SignedInClient(port, "127.0.28.16");
        assertThat(SignedInClient.location(visitor.get("/potrzeby/" + need))).contains("/logowanie");

        // Changed ids: not found, never a server error; an answer of another survey is refused.
        assertThat(editor.get("/potrzeby/999999999").statusCode()).isEqualTo(404);
        assertThat(editor.get("/potrzeby/" + need + "/powiazania/wydarzenie/999999999/usun")
                        .statusCode())
                .isEqualTo(404);
        assertThat(editor.get("/potrzeby/" + need + "/powiazania/cos/1/usun").statusCode())
                .isEqualTo(404);
        long demoSurvey = testing.survey();
        assertThat(editor.get("/potrzeby/nowa?ankieta=" + demoSurvey + "&odpowiedz=" + response + "&pytanie="
                                + testing.urgentQuestion())
                        .statusCode())
                .isEqualTo(404);
        editor.get("/potrzeby/nowa");
        HttpResponse<String> mismatched = editor.post(
                "/potrzeby/nowa",
                "topic",
                PREFIX + ": niepasująca odpowiedź",
                "description",
                "Opis",
                "surveyId",
                String.valueOf(demoSurvey),
                "responseId",
                String.valueOf(response),
                "questionId",
                String.valueOf(question));
        assertThat(mismatched.statusCode()).isEqualTo(422);
        assertThat(mismatched.body()).contains("Tej odpowiedzi nie można powiązać z potrzebą");
        assertThat(jdbc.sql("select count(*) from surveys_need where topic = :t")
                        .param("t", PREFIX + ": niepasująca odpowiedź")
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
