package pl.koordes.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import pl.koordes.directory.Directory;
import pl.koordes.events.internal.AgendaItem;
import pl.koordes.events.internal.Event;
import pl.koordes.events.internal.EventCatalogue;
import pl.koordes.events.internal.EventForm;
import pl.koordes.events.internal.EventManagement;
import pl.koordes.events.internal.Speaker;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * The organisers' event form as a browser without JavaScript sends it: agenda rows added and removed by
 * submitting, values that do not convert shown again as typed beside their error, hostile strings in
 * every field and every row, and each change written to the audit log with its actor and published as
 * a past-tense event.
 */
@IntegrationTest
@RecordApplicationEvents
class EventFormIntegrationTests {

    private static final String NEW = "/organizacja/wydarzenia/nowe";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Autowired
    EventManagement management;

    @Autowired
    EventCatalogue catalogue;

    @Autowired
    ApplicationEvents events;

    private final CurrentUser editor = new CurrentUser(
            2_000_001,
            "redakcja.form@test.koordes.example",
            "Redakcja",
            List.of(new RoleAssignment(Role.EDITOR, null)),
            "pl");

    /** A valid online national event's fields, to which a test adds its own or overrides them (name, value, …). */
    private static List<String> valid(String title, String... more) {
        Map<String, String> fields = new LinkedHashMap<>();
        String[] base = {
            "title",
            title,
            "type",
            "WEBINAR",
            "level",
            "NATIONAL",
            "format",
            "ONLINE",
            "startDate",
            "2027-05-10",
            "startTime",
            "10:00",
            "endTime",
            "12:00",
            "seatsOnSite",
            "0",
            "seatsOnline",
            "50",
            "audience",
            "ANYONE",
            "onlineLink",
            "https://spotkanie.example/form"
        };
        for (int i = 0; i + 1 < base.length; i += 2) {
            fields.put(base[i], base[i + 1]);
        }
        for (int i = 0; i + 1 < more.length; i += 2) {
            fields.put(more[i], more[i + 1]);
        }
        List<String> pairs = new ArrayList<>();
        fields.forEach((name, value) -> {
            pairs.add(name);
            pairs.add(value);
        });
        return pairs;
    }

    private SignedInClient editorClient() {
        SignedInClient client = new SignedInClient(port);
        client.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);
        client.get(NEW);
        return client;
    }

    @Test
    void anAgendaRowFarPastTheLimitIsAMalformedRequestNotAServerError() {
        SignedInClient client = editorClient();
        String title = "Wiersz daleko " + System.nanoTime();
        HttpResponse<String> answer = client.post(
                NEW, valid(title, "agenda[100000].title", "Powitanie").toArray(String[]::new));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(count(title)).isZero();
    }

    @Test
    void agendaRowsAreAddedAndRemovedBySubmittingTheFormWithoutJavaScript() {
        SignedInClient client = editorClient();
        String title = "Program bez JS " + System.nanoTime();

        HttpResponse<String> added = client.post(
                NEW,
                valid(
                                title,
                                "agenda[0].time",
                                "10:00",
                                "agenda[0].title",
                                "Powitanie",
                                "agenda[0].speakers",
                                "Anna",
                                "akcja",
                                "dodaj-punkt")
                        .toArray(String[]::new));
        assertThat(added.statusCode()).as("a round-trip, not a save").isEqualTo(200);
        assertThat(added.body())
                .contains("name=\"agenda[0].title\"")
                .contains("value=\"Powitanie\"")
                .contains("name=\"agenda[1].title\"")
                .doesNotContain("name=\"agenda[2].title\"")
                .doesNotContain("error-summary")
                .contains("<label for=\"agenda[1].title\">");
        assertThat(count(title)).isZero();

        HttpResponse<String> removed = client.post(
                NEW,
                valid(
                                title,
                                "agenda[0].title",
                                "Powitanie",
                                "agenda[1].title",
                                "Dyskusja",
                                "agenda[2].title",
                                "Zakończenie",
                                "akcja",
                                "usun-punkt-1")
                        .toArray(String[]::new));
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(removed.body())
                .contains("value=\"Powitanie\"")
                .contains("value=\"Zakończenie\"")
                .doesNotContain("value=\"Dyskusja\"")
                .doesNotContain("name=\"agenda[2].title\"")
                .doesNotContain("error-summary");
        assertThat(count(title)).isZero();

        // Even with a missing title, a round-trip shows no errors; the save then does.
        HttpResponse<String> untitled =
                client.post(NEW, valid("", "akcja", "dodaj-prelegenta").toArray(String[]::new));
        assertThat(untitled.statusCode()).isEqualTo(200);
        assertThat(untitled.body()).doesNotContain("error-summary").contains("name=\"speakers[0].name\"");

        // Saved: empty rows are ignored, a "|" in a cell survives the way agendas are stored.
        HttpResponse<String> saved = client.post(
                NEW,
                valid(
                                title,
                                "agenda[0].time",
                                "10:00",
                                "agenda[0].title",
                                "Powitanie | wstęp",
                                "agenda[1].title",
                                "",
                                "agenda[2].title",
                                "Dyskusja",
                                "agenda[2].speakers",
                                "Jan",
                                "speakers[0].name",
                                "Anna Nowak",
                                "speakers[0].affiliation",
                                "ROPS",
                                "speakers[1].name",
                                "",
                                "materials[0].title",
                                "Prezentacja",
                                "materials[0].address",
                                "https://example.org/p.pdf",
                                "materials[0].visibility",
                                "PARTICIPANTS",
                                "materials[1].title",
                                "")
                        .toArray(String[]::new));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        Event event = catalogue.find(id(title)).orElseThrow();
        assertThat(event.agendaItems())
                .containsExactly(
                        new AgendaItem("10:00", "Powitanie | wstęp", ""), new AgendaItem("", "Dyskusja", "Jan"));
        assertThat(event.speakerList()).containsExactly(new Speaker("Anna Nowak", "ROPS"));
        assertThat(event.materials()).singleElement().satisfies(m -> {
            assertThat(m.title()).isEqualTo("Prezentacja");
            assertThat(m.participantsOnly()).isTrue();
        });
        // The form shows the rows again as they were saved.
        String edit = client.get(SignedInClient.location(saved)).body();
        assertThat(edit)
                .contains("value=\"Powitanie | wstęp\"")
                .contains("value=\"Anna Nowak\"")
                .contains("name=\"materials[0].visibility\"");
        jdbc.sql("delete from event where id = :id").param("id", event.id()).update();
    }

    @Test
    void aDateThatIsNoDateOrAWordForSeatsComesBackAsTypedWithItsErrorBesideIt() {
        SignedInClient client = editorClient();
        String title = "Zła data " + System.nanoTime();
        HttpResponse<String> refused = client.post(
                NEW,
                valid(
                                title,
                                "startDate",
                                "31.02.2026",
                                "seatsOnline",
                                "pięćdziesiąt",
                                "regionQuota",
                                "100",
                                "agenda[0].title",
                                "",
                                "agenda[0].time",
                                "9:00")
                        .toArray(String[]::new));
        assertThat(refused.statusCode()).isEqualTo(422);
        String body = refused.body();
        assertThat(body)
                .contains("error-summary")
                .contains("href=\"#startDate\"")
                .contains("href=\"#seatsOnline\"")
                .contains("value=\"31.02.2026\"")
                .contains("value=\"pięćdziesiąt\"")
                .contains("value=\"" + title + "\"");
        assertThat(fieldWithError(body, "startDate"))
                .contains("aria-invalid=\"true\"")
                .contains("aria-describedby=\"startDate-error\"");
        assertThat(fieldWithError(body, "seatsOnline")).contains("aria-invalid=\"true\"");
        assertThat(body).contains("id=\"agenda[0].title-error\"");
        assertThat(count(title)).isZero();

        // A real date that is not in the calendar is refused the same way.
        HttpResponse<String> february =
                client.post(NEW, valid(title, "startDate", "2027-02-31").toArray(String[]::new));
        assertThat(february.statusCode()).isEqualTo(422);
        assertThat(february.body()).contains("value=\"2027-02-31\"").contains("id=\"startDate-error\"");
        // Cross-field rules: the end before the start, a quota above the seats, no link for an online event.
        HttpResponse<String> together = client.post(
                NEW,
                valid(title, "endTime", "09:00", "regionQuota", "60", "onlineLink", "")
                        .toArray(String[]::new));
        assertThat(together.statusCode()).isEqualTo(422);
        assertThat(together.body())
                .contains("id=\"endTime-error\"")
                .contains("id=\"regionQuota-error\"")
                .contains("id=\"onlineLink-error\"");
        assertThat(count(title)).isZero();
    }

    @Test
    void everyFieldAndEveryRowTakesEveryHostileStringWithoutAServerError() {
        SignedInClient client = editorClient();
        String[] fields = {
            "title",
            "type",
            "level",
            "regionId",
            "macroregionId",
            "format",
            "description",
            "titleEn",
            "descriptionEn",
            "venue",
            "address",
            "onlineLink",
            "startDate",
            "startTime",
            "endDate",
            "endTime",
            "seatsOnSite",
            "seatsOnline",
            "regionQuota",
            "opensDate",
            "closesDate",
            "audience",
            "audienceRoles",
            "agenda[0].time",
            "agenda[0].title",
            "agenda[0].speakers",
            "speakers[0].name",
            "speakers[0].affiliation",
            "materials[0].title",
            "materials[0].address",
            "materials[0].visibility"
        };
        List<String> strings = EventHostileInputIntegrationTests.strings();
        SoftAssertions softly = new SoftAssertions();
        for (String line : strings) {
            List<String> pairs = new ArrayList<>();
            for (String field : fields) {
                pairs.add(field);
                pairs.add(line);
            }
            HttpResponse<String> answer = client.post(NEW, pairs.toArray(String[]::new));
            softly.assertThat(answer.statusCode()).as(line).isEqualTo(422);
            softly.assertThat(answer.body())
                    .as(line)
                    .contains("Popraw błędy w formularzu")
                    .doesNotContain("<script>alert", "<img src=x");
            // The same string in only the rows and text fields of an otherwise valid form: saved whole or refused.
            String title = "Wrogi " + System.nanoTime();
            HttpResponse<String> rows = client.post(
                    NEW,
                    valid(
                                    title,
                                    "description",
                                    line,
                                    "titleEn",
                                    line,
                                    "descriptionEn",
                                    line,
                                    "venue",
                                    line,
                                    "address",
                                    line,
                                    "agenda[0].time",
                                    line,
                                    "agenda[0].title",
                                    line,
                                    "agenda[0].speakers",
                                    line,
                                    "speakers[0].name",
                                    line,
                                    "speakers[0].affiliation",
                                    line,
                                    "materials[0].title",
                                    line)
                            .toArray(String[]::new));
            softly.assertThat(rows.statusCode()).as(line).isIn(302, 422);
            softly.assertThat(rows.body()).as(line).doesNotContain("<script>alert", "<img src=x");
            if (rows.statusCode() == 302) {
                HttpResponse<String> shown = client.get(SignedInClient.location(rows));
                softly.assertThat(shown.statusCode()).as(line).isEqualTo(200);
                softly.assertThat(shown.body()).as(line).doesNotContain("<script>alert", "<img src=x");
                HttpResponse<String> page = client.get("/wydarzenia/" + id(title));
                softly.assertThat(page.statusCode()).as(line).isEqualTo(200);
                softly.assertThat(page.body()).as(line).doesNotContain("<script>alert", "<img src=x");
                HttpResponse<String> english = client.get("/wydarzenia/" + id(title) + "?lang=en");
                softly.assertThat(english.statusCode()).as(line).isEqualTo(200);
                softly.assertThat(english.body()).as(line).doesNotContain("<script>alert", "<img src=x");
                // The language chosen is remembered: back to Polish, whose messages the test reads.
                client.get("/wydarzenia/" + id(title) + "?lang=pl");
                jdbc.sql("delete from event where title = :t").param("t", title).update();
            }
        }
        softly.assertAll();
    }

    @Test
    void creatingChangingAndCancellingAreAuditedWithTheActor() {
        SignedInClient client = editorClient();
        String title = "Audytowane " + System.nanoTime();
        HttpResponse<String> created = client.post(NEW, valid(title).toArray(String[]::new));
        assertThat(created.statusCode()).isEqualTo(302);
        long id = id(title);
        String edit = "/organizacja/wydarzenia/" + id;
        client.get(edit);
        assertThat(client.post(edit, valid(title, "startTime", "11:00").toArray(String[]::new))
                        .statusCode())
                .isEqualTo(302);
        assertThat(client.post(edit + "/status", "status", "PUBLISHED").statusCode())
                .isEqualTo(302);
        assertThat(client.post(edit + "/status", "status", "CANCELLED", "potwierdzenie", "tak")
                        .statusCode())
                .isEqualTo(302);

        assertThat(jdbc.sql("""
                        select action from audit_entry
                        where target_type = 'event' and target_id = :id and actor_label = :actor order by id
                        """)
                        .param("id", Long.toString(id))
                        .param("actor", DemoAccounts.EDITOR)
                        .query(String.class)
                        .list())
                .containsExactly("EVENT_CREATED", "EVENT_UPDATED", "EVENT_STATUS_CHANGED", "EVENT_CANCELLED");
        assertThat(jdbc.sql(
                                "select before_value::text from audit_entry where action = 'EVENT_UPDATED' and target_id = :id")
                        .param("id", Long.toString(id))
                        .query(String.class)
                        .single())
                .contains("startsAt")
                .doesNotContain("spotkanie.example");
        jdbc.sql("delete from event where id = :id").param("id", id).update();
    }

    @Test
    void changesArePublishedAsPastTenseEventsAndARefusalSavesNothing() {
        EventSamples samples = new EventSamples(jdbc);
        long id = samples.published(10, null);
        EventForm form = EventForm.of(catalogue.find(id).orElseThrow());
        management.update(editor, id, form);
        assertThat(events.stream(EventChanged.class).filter(e -> e.eventId() == id))
                .singleElement()
                .satisfies(e -> assertThat(e.mattersToRegistrants()).isFalse());
        management.update(editor, id, form.withTimes(LocalTime.of(16, 0), LocalTime.of(18, 0)));
        assertThat(events.stream(EventChanged.class).filter(e -> e.eventId() == id && e.mattersToRegistrants()))
                .hasSize(1);
        management.changeStatus(editor, id, EventStatus.CANCELLED);
        assertThat(events.stream(EventCancelled.class).filter(e -> e.eventId() == id))
                .singleElement()
                .satisfies(e -> assertThat(e.wasPublished()).isTrue());
        // Only this event's lines: another kind of thing with the same number, audited by a test's direct call, is
        // also "system".
        assertThat(jdbc.sql(
                                "select count(*) from audit_entry where target_type = 'event' and target_id = :id and actor_label = 'system'")
                        .param("id", Long.toString(id))
                        .query(Integer.class)
                        .single())
                .as("written in the same transaction")
                .isEqualTo(3);

        long created = management.create(editor, form);
        assertThat(events.stream(EventCreated.class).filter(e -> e.eventId() == created))
                .hasSize(1);
        jdbc.sql("delete from event where id = :id").param("id", created).update();
    }

    @Test
    void fewerSeatsThanPeopleRegisteredIsRefusedBesideTheSeats() {
        EventSamples samples = new EventSamples(jdbc);
        long id = samples.published(3, null);
        jdbc.sql("""
                        insert into event_registration (event_id, full_name, email, mode, status, privacy_accepted_at,
                            cancel_token_hash)
                        select :id, 'Osoba ' || n, 'siedzi' || n || '@test.koordes.example', 'ON_SITE', 'CONFIRMED', now(),
                            md5(:id || '-' || n || '-' || random())
                        from generate_series(1, 2) n
                        """).param("id", id).update();
        SignedInClient client = editorClient();
        String edit = "/organizacja/wydarzenia/" + id;
        client.get(edit);
        Event event = catalogue.find(id).orElseThrow();
        HttpResponse<String> fewer = client.post(
                edit,
                "title",
                event.title(),
                "type",
                "MEETING",
                "level",
                "NATIONAL",
                "format",
                "IN_PERSON",
                "venue",
                "Sala",
                "startDate",
                event.start().toLocalDate().toString(),
                "startTime",
                "10:00",
                "endTime",
                "12:00",
                "seatsOnSite",
                "1",
                "seatsOnline",
                "0",
                "audience",
                "ANYONE");
        assertThat(fewer.statusCode()).isEqualTo(422);
        assertThat(fewer.body()).contains("id=\"seatsOnSite-error\"").contains("value=\"1\"");
        assertThat(catalogue.find(id).orElseThrow().seatsOnSite()).isEqualTo(3);
    }

    /** The field's wrapper from its label to the end of its input, for what the input carries. */
    private static String fieldWithError(String body, String field) {
        Matcher matcher = Pattern.compile("<input[^>]*id=\"" + Pattern.quote(field) + "\"[^>]*>")
                .matcher(body);
        assertThat(matcher.find()).as(field).isTrue();
        return matcher.group();
    }

    private int count(String title) {
        return jdbc.sql("select count(*) from event where title = :t")
                .param("t", title)
                .query(Integer.class)
                .single();
    }

    private long id(String title) {
        return jdbc.sql("select id from event where title = :t")
                .param("t", title)
                .query(Long.class)
                .single();
    }
}
