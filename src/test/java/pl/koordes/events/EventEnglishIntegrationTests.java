package pl.koordes.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * An event's optional English title and description, written in the organisers' form and shown in English
 * mode on its page, in the lists and in the calendar; where one is missing, the Polish text is marked as Polish.
 */
@IntegrationTest
class EventEnglishIntegrationTests {

    private static final String NEW = "/organizacja/wydarzenia/nowe";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from event where title like 'Angielski test%'").update();
    }

    @Test
    void anEventWrittenInBothLanguagesIsShownInEnglishModeAndThePolishOneOtherwise() {
        SignedInClient organiser = new SignedInClient(port);
        organiser.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);
        organiser.get(NEW);
        HttpResponse<String> created = organiser.post(
                NEW,
                event(
                        "Angielski test: webinarium o spółdzielniach",
                        "Opis po polsku.\n\nDrugi akapit.",
                        "English test: a webinar on <b>cooperatives</b>",
                        "A description in English.\n\nA second paragraph."));
        assertThat(created.statusCode()).isEqualTo(302);
        long id = id("Angielski test: webinarium o spółdzielniach");
        String form = organiser.get("/organizacja/wydarzenia/" + id).body();
        assertThat(form)
                .contains("value=\"English test: a webinar on &lt;b>cooperatives&lt;/b>\"")
                .contains("A description in English.");
        publish(organiser, id);

        Http visitor = new Http(port);
        String english = visitor.get("/wydarzenia/" + id + "?lang=en").body();
        assertThat(english)
                .contains("<h1>English test: a webinar on &lt;b&gt;cooperatives&lt;/b&gt;</h1>")
                .contains("<p>A description in English.</p>")
                .contains("<p>A second paragraph.</p>")
                .doesNotContain("Opis po polsku.");
        String polish = visitor.get("/wydarzenia/" + id).body();
        assertThat(polish)
                .contains("<h1>Angielski test: webinarium o spółdzielniach</h1>")
                .contains("<p>Opis po polsku.</p>")
                .doesNotContain("A description in English.");
        // Narrowed to the event's month and kind: other tests add upcoming events of their own.
        assertThat(visitor.get("/wydarzenia?lang=en&miesiac=2027-05&typ=WEBINAR&poziom=NATIONAL")
                        .body())
                .contains("English test: a webinar on &lt;b&gt;cooperatives&lt;/b&gt;");
        assertThat(visitor.get("/wydarzenia/kalendarz?miesiac=2027-05&lang=en").body())
                .contains("English test: a webinar on &lt;b&gt;cooperatives&lt;/b&gt;");
        // The calendar file stays Polish.
        assertThat(visitor.get("/wydarzenia/" + id + "/wydarzenie.ics").body())
                .contains("Angielski test: webinarium o spółdzielniach");
    }

    @Test
    void withoutAnEnglishVersionThePolishTextIsMarkedAsPolish() {
        SignedInClient organiser = new SignedInClient(port);
        organiser.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);
        organiser.get(NEW);
        assertThat(organiser
                        .post(NEW, event("Angielski test: tylko po polsku", "Opis tylko po polsku.", "", ""))
                        .statusCode())
                .isEqualTo(302);
        long id = id("Angielski test: tylko po polsku");
        publish(organiser, id);

        String english = new Http(port).get("/wydarzenia/" + id + "?lang=en").body();
        assertThat(english)
                .contains("<h1 lang=\"pl\">Angielski test: tylko po polsku</h1>")
                .contains("<div lang=\"pl\">");
        assertThat(new Http(port)
                        .get("/wydarzenia?lang=en&miesiac=2027-05&typ=WEBINAR&poziom=NATIONAL")
                        .body())
                .contains("lang=\"pl\"><a href=\"/wydarzenia/" + id + "\">Angielski test: tylko po polsku</a>");
        assertThat(new Http(port).get("/wydarzenia/" + id).body()).doesNotContain("lang=\"pl\">Angielski");
    }

    @Test
    void theDemoEventsHaveEnglishTitles() {
        // Filtered to national meetings: other tests' events can push it to the list's second page.
        assertThat(new Http(port).get("/wydarzenia?lang=en&poziom=NATIONAL").body())
                .contains("National meeting of regional coordinators")
                .doesNotContain("Ogólnopolskie spotkanie koordynatorów regionalnych");
    }

    private static void publish(SignedInClient organiser, long id) {
        organiser.get("/organizacja/wydarzenia/" + id);
        assertThat(organiser
                        .post("/organizacja/wydarzenia/" + id + "/status", "status", "PUBLISHED")
                        .statusCode())
                .isEqualTo(302);
    }

    private long id(String title) {
        return jdbc.sql("select id from event where title = :t")
                .param("t", title)
                .query(Long.class)
                .single();
    }

    private static String[] event(String title, String description, String titleEn, String descriptionEn) {
        return new String[] {
            "title", title,
            "description", description,
            "titleEn", titleEn,
            "descriptionEn", descriptionEn,
            "type", "WEBINAR",
            "level", "NATIONAL",
            "format", "ONLINE",
            "startDate", "2027-05-10",
            "startTime", "10:00",
            "endTime", "12:00",
            "seatsOnSite", "0",
            "seatsOnline", "50",
            "audience", "ANYONE",
            "onlineLink", "https://spotkanie.example/english"
        };
    }
}
