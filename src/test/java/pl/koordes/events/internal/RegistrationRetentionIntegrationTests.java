package pl.koordes.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.IntegrationTest;

/**
 * Issue 11, item 1: the registration form promises to keep participants' data five years after the event;
 * the daily job (one node, ShedLock) anonymises registrations of events that ended longer ago and leaves
 * the rest alone.
 */
@IntegrationTest
class RegistrationRetentionIntegrationTests {

    @Autowired
    EventJobs jobs;

    @Autowired
    JdbcClient jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void registrationsOfEventsEndedMoreThanFiveYearsAgoLoseWhoTheyWere() {
        long old = registration(Instant.now().minus(6 * 366, ChronoUnit.DAYS), "stara");
        long recent = registration(Instant.now().minus(4 * 365, ChronoUnit.DAYS), "nowsza");

        assertThat(jobs.retainNow()).isPositive();

        assertThat(jdbc.sql(
                                "select full_name || ' ' || email || ' ' || institution from event_registration where id = :id")
                        .param("id", old)
                        .query(String.class)
                        .single())
                .startsWith("Osoba usunięta usunieto-")
                .doesNotContain(run);
        assertThat(jdbc.sql("select full_name from event_registration where id = :id")
                        .param("id", recent)
                        .query(String.class)
                        .single())
                .isEqualTo("Osoba nowsza " + run);
        assertThat(jobs.retainNow()).as("a second run finds nothing more").isZero();
    }

    private long registration(Instant ended, String who) {
        long event = jdbc.sql("""
                        insert into event (type, level, format, title, venue, starts_at, ends_at, seats_on_site, status)
                        values ('MEETING', 'NATIONAL', 'IN_PERSON', :title, 'Sala 1', :starts, :ends, 10, 'PUBLISHED')
                        returning id
                        """)
                .param("title", "Retencja " + run)
                .param("starts", Timestamp.from(ended.minus(2, ChronoUnit.HOURS)))
                .param("ends", Timestamp.from(ended))
                .query(Long.class)
                .single();
        return jdbc.sql("""
                        insert into event_registration (event_id, email, full_name, institution, privacy_accepted_at, mode,
                            status, cancel_token_hash, language)
                        values (:e, :email, :name, 'Stowarzyszenie', now(), 'ON_SITE', 'CONFIRMED', :hash, 'pl')
                        returning id
                        """)
                .param("e", event)
                .param("email", who + "." + run + "@przyklad.example")
                .param("name", "Osoba " + who + " " + run)
                .param("hash", "ret-" + who + run)
                .query(Long.class)
                .single();
    }
}
