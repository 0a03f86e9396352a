package pl.koordes.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * Two details of the event pages checked before launch: a draft offers no calendar file (not even to its
 * organiser, and its .ics address answers 404), and a past event's breadcrumbs lead to the past events.
 */
@IntegrationTest
class EventGoLiveIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDraftLinksNoCalendarFileAndItsCalendarAddressIsNotFound() {
        long draft = id("select min(id) from event where title like 'Szkic: warsztat%'");
        SignedInClient organiser = new SignedInClient(port, "127.0.0.148");
        organiser.signInFully(DemoAccounts.COORDINATOR_MALOPOLSKIE, DemoAccounts.PASSWORD, DemoAccounts.TOTP_SECRET);
        String page = organiser.get("/wydarzenia/" + draft).body();
        assertThat(page)
                .contains("href=\"/organizacja/wydarzenia/" + draft + "\"")
                .doesNotContain("wydarzenie.ics")
                .doesNotContain("Dodaj do kalendarza");
        assertThat(organiser.get("/wydarzenia/" + draft + "/wydarzenie.ics").statusCode())
                .isEqualTo(404);
        assertThat(new Http(port)
                        .get("/wydarzenia/" + draft + "/wydarzenie.ics")
                        .statusCode())
                .isEqualTo(404);
        // A published event keeps its link.
        long published = id("select min(id) from event where status = 'PUBLISHED' and ends_at > now()");
        assertThat(new Http(port).get("/wydarzenia/" + published).body())
                .contains("<a href=\"/wydarzenia/" + published + "/wydarzenie.ics\">Dodaj do kalendarza (.ics)</a>");
    }

    @Test
    void aPastEventsBreadcrumbsLeadToThePastEvents() {
        Http http = new Http(port);
        long past = id("select min(id) from event where status <> 'DRAFT' and ends_at < now()");
        assertThat(http.get("/wydarzenia/" + past).body())
                .contains("<li><a href=\"/wydarzenia/archiwum\">Minione wydarzenia</a></li>")
                .doesNotContain("<li><a href=\"/wydarzenia\">Nadchodzące wydarzenia</a></li>");
        long upcoming = id("select min(id) from event where status = 'PUBLISHED' and ends_at > now()");
        assertThat(http.get("/wydarzenia/" + upcoming).body())
                .contains("<li><a href=\"/wydarzenia\">Nadchodzące wydarzenia</a></li>");
        // The past events' list, where the breadcrumb leads, lists that event under the same name.
        assertThat(http.get("/wydarzenia/archiwum").body())
                .contains("Minione wydarzenia")
                .contains("href=\"/wydarzenia/" + past + "\"");
        assertThat(http.get("/wydarzenia/" + past + "?lang=en").body())
                .contains("<li><a href=\"/wydarzenia/archiwum\">Past events</a></li>");
    }

    private long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
