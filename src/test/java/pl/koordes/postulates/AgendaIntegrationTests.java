package pl.koordes.postulates;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.NaughtyStrings;
import pl.koordes.support.SignedInClient;
import pl.koordes.support.TestExtensions;

/**
 * The operator puts public postulates on a national meeting's agenda and takes them off; the postulate's page
 * shows the meeting and the event's page lists the postulates. Real HTTP requests as the demo accounts.
 */
@IntegrationTest
@Import(TestExtensions.class)
class AgendaIntegrationTests {

    /** The columns an event is copied with (a cancelled or a second national meeting of a test's own). */
    private static final String EVENT_COLUMNS = """
            type, level, region_id, macroregion_id, format, title, description, venue, address, online_link,
            starts_at, ends_at, seats_on_site, seats_online, region_quota, registration_opens_at,
            registration_closes_at, audience, audience_roles, agenda, speakers, title_en, description_en""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestExtensions.StatementCounter statements;

    @AfterEach
    void cleanUp() {
        jdbc.sql(
                        "delete from postulates_agenda where event_id in (select id from event where title like 'Test porządku%')")
                .update();
        jdbc.sql("delete from event where title like 'Test porządku%'").update();
    }

    @Test
    void anOperatorPutsAPostulateOnANationalMeetingAndTakesItOffAfterAQuestion() {
        long postulate = publicPostulate("FORWARDED");
        long meeting = nationalMeeting();
        String title = postulateTitle(postulate);
        SignedInClient editor = signedIn(DemoAccounts.EDITOR, 1);

        HttpResponse<String> form = editor.get("/postulaty/" + postulate + "/porzadek");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Dodaj postulat do porządku spotkania").contains(eventTitle(meeting));

        HttpResponse<String> added =
                editor.post("/postulaty/" + postulate + "/porzadek", "meeting", String.valueOf(meeting));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(added.headers().firstValue("Location").orElseThrow())
                .endsWith("/postulaty/" + postulate + "#porzadek");
        assertThat(audit("POSTULATE_AGENDA_ADDED", postulate)).isEqualTo(1);
        assertThat(steps(postulate, meeting)).isEqualTo(1);

        HttpResponse<String> page = editor.get("/postulaty/" + postulate);
        assertThat(page.body())
                .contains("W porządku spotkań")
                .contains("Postulat dodano do porządku spotkania.")
                .contains("href=\"/wydarzenia/" + meeting + "\"")
                .contains("/postulaty/" + postulate + "/porzadek/" + meeting + "/usun");
        SignedInClient reader = signedIn(DemoAccounts.PARTICIPANT, 2);
        assertThat(reader.get("/postulaty/" + postulate).body())
                .contains("W porządku spotkań")
                .doesNotContain("/porzadek/" + meeting + "/usun");
        assertThat(reader.get("/wydarzenia/" + meeting).body())
                .contains("Postulaty w porządku spotkania")
                .contains("href=\"/postulaty/" + postulate + "\"")
                .contains(escaped(title));

        // Sent again, the same meeting is refused beside the field.
        HttpResponse<String> again =
                editor.post("/postulaty/" + postulate + "/porzadek", "meeting", String.valueOf(meeting));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("postulat jest już w porządku tego spotkania.");

        String removal = "/postulaty/" + postulate + "/porzadek/" + meeting + "/usun";
        HttpResponse<String> question = editor.get(removal);
        assertThat(question.statusCode()).isEqualTo(200);
        assertThat(question.body())
                .contains("Usunąć postulat z porządku spotkania?")
                .contains(eventTitle(meeting));
        HttpResponse<String> unconfirmed = editor.post(removal);
        assertThat(unconfirmed.statusCode()).isEqualTo(302);
        assertThat(unconfirmed.headers().firstValue("Location").orElseThrow()).endsWith(removal);
        assertThat(onAgenda(postulate, meeting)).isTrue();

        assertThat(editor.post(removal, "potwierdzenie", "tak").statusCode()).isEqualTo(302);
        assertThat(onAgenda(postulate, meeting)).isFalse();
        assertThat(steps(postulate, meeting)).isZero();
        assertThat(audit("POSTULATE_AGENDA_REMOVED", postulate)).isEqualTo(1);
        assertThat(reader.get("/wydarzenia/" + meeting).body()).doesNotContain("href=\"/postulaty/" + postulate + "\"");
        assertThat(editor.get(removal).statusCode()).isEqualTo(404);
    }

    @Test
    void nobodyButTheOperatorMayTouchTheAgenda() {
        long postulate = publicPostulate("FORWARDED");
        long meeting = nationalMeeting();
        jdbc.sql("insert into postulates_agenda (postulate_id, event_id, added_at) values (:p, :e, now())")
                .param("p", postulate)
                .param("e", meeting)
                .update();
        try {
            String[] people = {
                DemoAccounts.PARTICIPANT,
                DemoAccounts.COORDINATOR_MALOPOLSKIE,
                DemoAccounts.COMMITTEE_MALOPOLSKIE,
                DemoAccounts.EXPERT,
                DemoAccounts.CENTRAL_INSTITUTION
            };
            for (int i = 0; i < people.length; i++) {
                SignedInClient person = signedIn(people[i], 10 + i);
                String removal = "/postulaty/" + postulate + "/porzadek/" + meeting + "/usun";
                assertThat(person.get("/postulaty/" + postulate + "/porzadek").statusCode())
                        .as(people[i])
                        .isEqualTo(403);
                assertThat(person.post("/postulaty/" + postulate + "/porzadek", "meeting", String.valueOf(meeting))
                                .statusCode())
                        .as(people[i])
                        .isEqualTo(403);
                assertThat(person.get(removal).statusCode()).as(people[i]).isEqualTo(403);
                assertThat(person.post(removal, "potwierdzenie", "tak").statusCode())
                        .as(people[i])
                        .isEqualTo(403);
                assertThat(person.get("/postulaty/" + postulate).body())
                        .as(people[i])
                        .doesNotContain("/porzadek/" + meeting + "/usun")
                        .doesNotContain("Dodaj do porządku spotkania");
            }
            assertThat(onAgenda(postulate, meeting)).isTrue();
            SignedInClient visitor = new SignedInClient(port, "127.0.21.20");
            assertThat(visitor.get("/postulaty/" + postulate + "/porzadek").statusCode())
                    .isEqualTo(302);
        } finally {
            jdbc.sql("delete from postulates_agenda where postulate_id = :p and event_id = :e")
                    .param("p", postulate)
                    .param("e", meeting)
                    .update();
        }
    }

    @Test
    void aRegionalUnknownCancelledOrPastMeetingAndAPostulateThatCannotGoOnAnAgendaAreRefused() {
        long postulate = publicPostulate("IN_ANALYSIS");
        SignedInClient editor = signedIn(DemoAccounts.EDITOR, 3);
        long regional = jdbc.sql("select min(id) from event where level = 'REGIONAL' and status = 'PUBLISHED'")
                .query(Long.class)
                .single();
        long cancelled = copyOfNationalMeeting("CANCELLED", "0 days");
        long past = copyOfNationalMeeting("PUBLISHED", "-400 days");
        String path = "/postulaty/" + postulate + "/porzadek";
        editor.get(path);
        assertRefused(editor, path, String.valueOf(regional), "o nie jest spotkanie ogólnopolskie");
        assertRefused(editor, path, String.valueOf(cancelled), "o spotkanie zostało odwołane.");
        assertRefused(editor, path, String.valueOf(past), "o spotkanie już się odbyło.");
        assertRefused(editor, path, "999999999", "ie ma takiego spotkania.");
        assertRefused(editor, path, "", "ybierz spotkanie z listy.");
        assertThat(jdbc.sql(
                                "select count(*) from postulates_agenda where postulate_id = :p and event_id in (:r, :c, :o)")
                        .param("p", postulate)
                        .param("r", regional)
                        .param("c", cancelled)
                        .param("o", past)
                        .query(Long.class)
                        .single())
                .isZero();
        // The form offers national meetings to come only.
        String form = editor.get(path).body();
        assertThat(form).doesNotContain("value=\"" + regional + "\"").doesNotContain("value=\"" + cancelled + "\"");

        long withdrawn = publicPostulate("WITHDRAWN");
        HttpResponse<String> refused =
                editor.post("/postulaty/" + withdrawn + "/porzadek", "meeting", String.valueOf(nationalMeeting()));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("nie wycofany ani połączony");
        long draft = publicPostulate("DRAFT");
        assertThat(editor.get("/postulaty/" + draft + "/porzadek").statusCode()).isEqualTo(404);
        assertThat(editor.post("/postulaty/" + draft + "/porzadek", "meeting", String.valueOf(nationalMeeting()))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void hostileParametersAreNeverAServerError() {
        long postulate = publicPostulate("SUBMITTED");
        SignedInClient editor = signedIn(DemoAccounts.EDITOR, 4);
        String path = "/postulaty/" + postulate + "/porzadek";
        editor.get(path);
        for (String hostile : NaughtyStrings.corpus()) {
            HttpResponse<String> answer = editor.post(path, "meeting", hostile);
            // A number may happen to be an upcoming national meeting's id: then it is simply added.
            assertThat(answer.statusCode()).as(hostile).isIn(302, 400, 422);
            assertThat(answer.body()).as(hostile).doesNotContain("<script>alert", "<img src=x");
        }
        for (String id : List.of("abc", "-1", "1e9", "99999999999999999999", "%00", "%3Cscript%3E")) {
            assertThat(editor.get("/postulaty/" + id + "/porzadek").statusCode())
                    .as(id)
                    .isIn(400, 404);
            assertThat(editor.get(path + "/" + id + "/usun").statusCode())
                    .as(id)
                    .isIn(400, 404);
            assertThat(editor.post(path + "/" + id + "/usun", "potwierdzenie", "tak")
                            .statusCode())
                    .as(id)
                    .isIn(400, 404);
        }
        jdbc.sql("delete from postulates_agenda where postulate_id = :p and added_at > now() - interval '1 hour'")
                .param("p", postulate)
                .update();
    }

    @Test
    void theEventPageRunsTheSameStatementsWithOneOrTwentyPostulatesOnItsAgenda() {
        long meeting = copyOfNationalMeeting("PUBLISHED", "30 days");
        List<Long> postulates = jdbc.sql(
                        "select id from postulates_postulate where status not in ('DRAFT', 'MERGED') order by id limit 20")
                .query(Long.class)
                .list();
        assertThat(postulates).hasSize(20);
        SignedInClient reader = signedIn(DemoAccounts.PARTICIPANT, 5);
        put(postulates.subList(0, 1), meeting);
        List<String> one = statementsFor(reader, "/wydarzenia/" + meeting);
        put(postulates.subList(1, 20), meeting);
        List<String> twenty = statementsFor(reader, "/wydarzenia/" + meeting);
        String page = reader.get("/wydarzenia/" + meeting).body();
        assertThat(page).contains("Spotkanie omówi 20 postulatów regionów.");
        assertThat(twenty).isEqualTo(one);
    }

    private void put(List<Long> postulates, long meeting) {
        for (long id : postulates) {
            jdbc.sql("insert into postulates_agenda (postulate_id, event_id, added_at) values (:p, :e, now())")
                    .param("p", id)
                    .param("e", meeting)
                    .update();
        }
    }

    /**
     * The page's own statements, once warm. The session's reads and writes (Spring Session) are left out: a
     * page long enough to be sent while it is still being written saves the session once more, whatever it
     * shows, so twenty postulates would count one statement more than one for a reason not the page's.
     */
    private List<String> statementsFor(SignedInClient client, String path) {
        client.get(path);
        statements.reset();
        assertThat(client.get(path).statusCode()).as(path).isEqualTo(200);
        return statements.statements().stream()
                .filter(statement -> !statement.contains("SPRING_SESSION"))
                .toList();
    }

    private void assertRefused(SignedInClient editor, String path, String meeting, String message) {
        HttpResponse<String> answer = editor.post(path, "meeting", meeting);
        assertThat(answer.statusCode()).as(meeting).isEqualTo(422);
        assertThat(answer.body())
                .as(meeting)
                .contains("Popraw błędy w formularzu")
                .contains(message);
    }

    private SignedInClient signedIn(String email, int address) {
        SignedInClient client = new SignedInClient(port, "127.0.21." + address);
        client.signInFully(
                email,
                DemoAccounts.PASSWORD,
                email.equals(DemoAccounts.ADMINISTRATOR) || email.startsWith("koordynator.")
                        ? DemoAccounts.TOTP_SECRET
                        : null);
        return client;
    }

    private long publicPostulate(String status) {
        return jdbc.sql("select min(id) from postulates_postulate where status = :s")
                .param("s", status)
                .query(Long.class)
                .single();
    }

    private long nationalMeeting() {
        return jdbc.sql("""
                        select min(id) from event where level = 'NATIONAL' and status = 'PUBLISHED' and ends_at > now()
                        and title not like 'Test porządku%'""").query(Long.class).single();
    }

    private long copyOfNationalMeeting(String status, String shift) {
        return jdbc.sql("insert into event (" + EVENT_COLUMNS + ", status) select "
                        + EVENT_COLUMNS
                                .replace("title,", "'Test porządku ' || title,")
                                .replace(
                                        "starts_at, ends_at",
                                        "starts_at + cast(:shift as interval), ends_at + cast(:shift as interval)")
                        + ", :status from event where id = :id returning id")
                .param("shift", shift)
                .param("status", status)
                .param("id", nationalMeeting())
                .query(Long.class)
                .single();
    }

    private String postulateTitle(long id) {
        return jdbc.sql("select title from postulates_postulate where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private String eventTitle(long id) {
        return escaped(jdbc.sql("select title from event where id = :id")
                .param("id", id)
                .query(String.class)
                .single());
    }

    private boolean onAgenda(long postulate, long meeting) {
        return jdbc.sql("select exists (select 1 from postulates_agenda where postulate_id = :p and event_id = :e)")
                .param("p", postulate)
                .param("e", meeting)
                .query(Boolean.class)
                .single();
    }

    private long steps(long postulate, long meeting) {
        return jdbc.sql(
                        "select count(*) from postulates_step where postulate_id = :p and kind = 'AGENDA' and event_id = :e")
                .param("p", postulate)
                .param("e", meeting)
                .query(Long.class)
                .single();
    }

    private long audit(String action, long postulate) {
        return jdbc.sql("select count(*) from audit_entry where action = :a and target_id = :t")
                .param("a", action)
                .param("t", String.valueOf(postulate))
                .query(Long.class)
                .single();
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&#34;");
    }
}
