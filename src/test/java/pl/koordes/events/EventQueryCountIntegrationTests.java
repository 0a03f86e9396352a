package pl.koordes.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;
import pl.koordes.support.TestExtensions;

/** The events' lists and pages run the same number of SQL statements with 5 or 500 events and registrations. */
@IntegrationTest
@Import(TestExtensions.class)
class EventQueryCountIntegrationTests {

    private static final String TITLE = "query-count event";

    @LocalServerPort
    int port;

    @Autowired
    TestExtensions.StatementCounter statements;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeAdded() {
        jdbc.sql("delete from event where title like :t")
                .param("t", TITLE + "%")
                .update();
    }

    @Test
    void listsCalendarEventPageAndRegistrationListDoNotGrowWithTheData() {
        long event = addEvents(5);
        addRegistrations(event, 5);
        SignedInClient editor = new SignedInClient(port);
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);
        String[] pages = {
            "/wydarzenia",
            "/wydarzenia/archiwum",
            "/wydarzenia/archiwum?strona=3",
            "/wydarzenia/kalendarz",
            "/wydarzenia/" + event,
            "/wydarzenia/kalendarz.ics",
            "/regiony/malopolskie",
            "/"
        };
        int[] few = new int[pages.length];
        for (int i = 0; i < pages.length; i++) {
            few[i] = statementsFor(pages[i]);
        }
        int fewList = signedIn(editor, "/organizacja/wydarzenia/" + event + "/uczestnicy");

        addEvents(495);
        addRegistrations(event, 495);
        for (int i = 0; i < pages.length; i++) {
            assertThat(statementsFor(pages[i])).as(pages[i]).isEqualTo(few[i]);
        }
        assertThat(signedIn(editor, "/organizacja/wydarzenia/" + event + "/uczestnicy"))
                .isEqualTo(fewList);
    }

    private int statementsFor(String path) {
        // Counted once caches are warm (the directory keeps its lists, for example); the figure that
        // must not grow with the data is the settled one.
        new Http(port).get(path);
        statements.reset();
        assertThat(new Http(port).get(path).statusCode()).as(path).isEqualTo(200);
        return statements.count();
    }

    private int signedIn(SignedInClient client, String path) {
        // The first request after signing in also writes the session; count a settled one.
        client.get(path);
        statements.reset();
        assertThat(client.get(path).statusCode()).as(path).isEqualTo(200);
        return statements.count();
    }

    /** Adds past and upcoming published events in małopolskie; returns the first upcoming one. */
    private long addEvents(int count) {
        long first = 0;
        for (int i = 0; i < count; i++) {
            Instant start = Instant.now().plus(i % 2 == 0 ? 3 + i % 20 : -3 - i, ChronoUnit.DAYS);
            long id = jdbc.sql("""
                            insert into event (type, level, region_id, format, title, venue, starts_at, ends_at, seats_on_site, status)
                            values ('MEETING', 'REGIONAL', (select id from region where slug = 'malopolskie'), 'IN_PERSON', :title,
                                'Sala', :starts, :ends, 1000, 'PUBLISHED')
                            returning id
                            """)
                    .param("title", TITLE + " " + i)
                    .param("starts", Timestamp.from(start))
                    .param("ends", Timestamp.from(start.plus(2, ChronoUnit.HOURS)))
                    .query(Long.class)
                    .single();
            jdbc.sql(
                            "insert into event_region (event_id, region_id) select :id, id from region where slug = 'malopolskie'")
                    .param("id", id)
                    .update();
            if (first == 0 && i % 2 == 0) {
                first = id;
            }
        }
        return first;
    }

    private void addRegistrations(long event, int count) {
        jdbc.sql("""
                        insert into event_registration (event_id, email, full_name, privacy_accepted_at, mode, status, cancel_token_hash)
                        select :e, 'qc' || g || '-' || md5(random()::text) || '@test.koordes.example', 'Osoba ' || g, now(),
                            'ON_SITE', 'CONFIRMED', md5(random()::text || g)
                        from generate_series(1, :n) g
                        """).param("e", event).param("n", count).update();
    }
}
