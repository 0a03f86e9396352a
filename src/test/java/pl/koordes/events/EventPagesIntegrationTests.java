package pl.koordes.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.directory.Directory;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * The events' pages as visitors and organisers get them: seats left with Polish plurals, filters, the
 * calendar, calendar files, drafts hidden, no session for anonymous readers, and a coordinator who
 * cannot reach another region's event by changing an id in the form.
 */
@IntegrationTest
class EventPagesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Messages messages;

    @Autowired
    Directory directory;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void seatsLeftSpeakPolishPlurals() {
        Locale pl = Locale.forLanguageTag("pl");
        assertThat(messages.get(pl, "events.seatsLeft", 1)).isEqualTo("Zostało 1 miejsce");
        assertThat(messages.get(pl, "events.seatsLeft", 3)).isEqualTo("Zostały 3 miejsca");
        assertThat(messages.get(pl, "events.seatsLeft", 5)).isEqualTo("Zostało 5 miejsc");
        assertThat(messages.get(pl, "events.seatsLeft", 22)).isEqualTo("Zostały 22 miejsca");
        assertThat(messages.get(pl, "events.seatsLeft", 0)).isEqualTo("Brak wolnych miejsc");
        assertThat(messages.get(Locale.ENGLISH, "events.seatsLeft", 1)).isEqualTo("1 seat left");

        // The demo's nearly full meeting: 30 seats, 25 taken.
        long id = demoEvent("Spotkanie sieci OWES Małopolski%");
        HttpResponse<String> page = http.get("/wydarzenia/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Zostało 5 miejsc");
        assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION"));
        assertThat(http.get("/wydarzenia/" + id + "?lang=en").body())
                .contains("5 seats left")
                .contains("<html lang=\"en\">");
    }

    @Test
    void listsFilterAndPageWithoutFailingOnAnyParameter() {
        // Other tests publish meetings of their own a week ahead: the demo events are found by their kind.
        String upcoming = http.get("/wydarzenia").body();
        assertThat(upcoming).contains("href=\"/wydarzenia/").doesNotContain("Szkic:");
        assertThat(http.get("/wydarzenia?typ=WEBINAR").body())
                .contains("Webinarium: jak rozliczać")
                .doesNotContain("Spotkanie sieci OWES");
        assertThat(http.get("/wydarzenia?region=mazowieckie&typ=GROUP_ADVISORY").body())
                .contains("Doradztwo grupowe")
                .doesNotContain("Spotkanie sieci OWES");
        assertThat(http.get("/wydarzenia/archiwum").body()).contains("Wizyta studyjna");
        for (String hostile :
                new String[] {"<script>", "%00", "2026-13", "-1", "99999999999", "'; drop table event; --"}) {
            String value = URLEncoder.encode(hostile, StandardCharsets.UTF_8);
            for (String path : new String[] {
                "/wydarzenia?typ=" + value + "&poziom=" + value + "&region=" + value + "&forma=" + value + "&miesiac="
                        + value + "&strona=" + value,
                "/wydarzenia/kalendarz?miesiac=" + value,
                "/wydarzenia/archiwum?strona=" + value,
                "/wydarzenia/kalendarz.ics?region=" + value
            }) {
                HttpResponse<String> answer = http.get(path);
                assertThat(answer.statusCode()).as(path).isIn(200, 404);
                assertThat(answer.body()).as(path).doesNotContain("<script>");
            }
        }
        assertThat(http.get("/wydarzenia/kalendarz?miesiac=2026-02").body()).contains("Kalendarz: luty 2026");
    }

    @Test
    void calendarFilesAreServedAsTextCalendar() {
        long id = demoEvent("Webinarium: jak rozliczać%");
        HttpResponse<String> single = http.get("/wydarzenia/" + id + "/wydarzenie.ics");
        assertThat(single.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        assertThat(single.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("UID:event-" + id + "@koordes");
        HttpResponse<String> feed = http.get("/wydarzenia/kalendarz.ics?region=malopolskie");
        assertThat(feed.body())
                .contains("Spotkanie sieci OWES")
                .doesNotContain("Doradztwo grupowe")
                .doesNotContain("Szkic");
        assertThat(http.get("/wydarzenia/" + demoEvent("Szkic: warsztat%") + "/wydarzenie.ics")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void draftsAreHiddenFromTheRegionsOtherCoordinatorEvenByAnIdInTheForm() {
        long draft = demoEvent("Szkic: warsztat%");
        assertThat(http.get("/wydarzenia/" + draft).statusCode()).isEqualTo(404);

        SignedInClient slaskie = new SignedInClient(port);
        slaskie.signInFully(DemoAccounts.COORDINATOR_SLASKIE, DemoAccounts.PASSWORD, DemoAccounts.TOTP_SECRET);
        assertThat(slaskie.get("/wydarzenia/" + draft).statusCode()).isEqualTo(404);
        assertThat(slaskie.get("/organizacja/wydarzenia").body()).doesNotContain("Szkic: warsztat");
        // A regional event for małopolskie sent by śląskie's coordinator through the new-event form: refused.
        long malopolskie = directory.region("malopolskie").orElseThrow().id();
        slaskie.get("/organizacja/wydarzenia/nowe");
        HttpResponse<String> forged = slaskie.post(
                "/organizacja/wydarzenia/nowe",
                "title",
                "Podszyte",
                "type",
                "MEETING",
                "level",
                "REGIONAL",
                "regionId",
                Long.toString(malopolskie),
                "format",
                "ONLINE",
                "startDate",
                "2027-03-01",
                "startTime",
                "10:00",
                "endTime",
                "12:00",
                "seatsOnSite",
                "0",
                "seatsOnline",
                "10",
                "audience",
                "ANYONE");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from event where title = 'Podszyte'")
                        .query(Integer.class)
                        .single())
                .isZero();

        // Its own region's event goes through, as a draft.
        long slaskieId = directory.region("slaskie").orElseThrow().id();
        HttpResponse<String> own = slaskie.post(
                "/organizacja/wydarzenia/nowe",
                "title",
                "Własne <b>spotkanie</b>",
                "type",
                "MEETING",
                "level",
                "REGIONAL",
                "regionId",
                Long.toString(slaskieId),
                "format",
                "ONLINE",
                "startDate",
                "2027-03-01",
                "startTime",
                "10:00",
                "endTime",
                "12:00",
                "seatsOnSite",
                "0",
                "seatsOnline",
                "10",
                "audience",
                "ANYONE",
                "onlineLink",
                "https://spotkanie.example/abc");
        assertThat(own.statusCode()).isEqualTo(302);
        String edit = slaskie.get(SignedInClient.location(own)).body();
        assertThat(edit).contains("Własne &lt;b&gt;spotkanie&lt;/b&gt;");
        jdbc.sql("delete from event where title = 'Własne <b>spotkanie</b>'").update();
    }

    @Test
    void aRefusedEventFormComesBackWithItsErrorsAndWhatWasTyped() {
        SignedInClient editor = new SignedInClient(port);
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);
        editor.get("/organizacja/wydarzenia/nowe");
        HttpResponse<String> refused = editor.post(
                "/organizacja/wydarzenia/nowe",
                "title",
                "<script>alert(1)</script>",
                "type",
                "NOPE",
                "level",
                "REGIONAL",
                "regionId",
                "abc",
                "format",
                "IN_PERSON",
                "startDate",
                "2027-02-30",
                "startTime",
                "25:00",
                "endTime",
                "x",
                "seatsOnSite",
                "-5",
                "seatsOnline",
                "1e9",
                "audience",
                "ANYONE",
                "materials[0].title",
                "bez adresu",
                "onlineLink",
                "javascript:alert(1)");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("error-summary")
                .contains("value=\"&lt;script>alert(1)&lt;/script>\"")
                .doesNotContain("<script>alert(1)</script>")
                .contains(messages.get(Locale.forLanguageTag("pl"), "events.form.link.invalid"))
                .contains(messages.get(Locale.forLanguageTag("pl"), "events.form.materials.addressRequired"))
                .contains("value=\"2027-02-30\"")
                .contains("value=\"1e9\"");
    }

    private long demoEvent(String titleLike) {
        return jdbc.sql("select min(id) from event where title like :t")
                .param("t", titleLike)
                .query(Long.class)
                .single();
    }
}
