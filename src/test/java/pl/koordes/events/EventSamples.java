package pl.koordes.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.events.internal.RegistrationStatus;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;

/**
 * Test fixtures of the events module: published events made straight in the database, and signed-in
 * people who exist only as {@link CurrentUser} values. Titles carry markup, so views built on them also
 * prove escaping.
 */
public final class EventSamples {

    private final JdbcClient jdbc;
    /** Keeps the e-mail addresses of one test apart from every other test's. */
    final String run = UUID.randomUUID().toString().substring(0, 8);

    public EventSamples(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A published national in-person event a week ahead, serving every region. */
    public long published(int seats, @Nullable Integer quota) {
        Instant start = Instant.now().plus(7, ChronoUnit.DAYS);
        long id = jdbc.sql("""
                        insert into event (type, level, format, title, venue, starts_at, ends_at, seats_on_site, region_quota, status)
                        values ('MEETING', 'NATIONAL', 'IN_PERSON', :title, 'Sala <b>1</b>', :starts, :ends, :seats, :quota, 'PUBLISHED')
                        returning id
                        """)
                .param("title", "Spotkanie <script>alert(1)</script> " + run)
                .param("starts", Timestamp.from(start))
                .param("ends", Timestamp.from(start.plus(3, ChronoUnit.HOURS)))
                .param("seats", seats)
                .param("quota", quota)
                .query(Long.class)
                .single();
        jdbc.sql("insert into event_region (event_id, region_id) select :id, id from region")
                .param("id", id)
                .update();
        return id;
    }

    /** A signed-in participant with an id far from the demo accounts' and an address unique to this run. */
    CurrentUser person(int n) {
        return person(n, null);
    }

    CurrentUser person(int n, @Nullable Long regionId) {
        List<RoleAssignment> roles = regionId == null
                ? List.of(new RoleAssignment(Role.PARTICIPANT, null))
                : List.of(
                        new RoleAssignment(Role.PARTICIPANT, null),
                        new RoleAssignment(Role.COMMITTEE_MEMBER, regionId));
        return new CurrentUser(1_000_000 + n, email(n), "Osoba " + n, roles, "pl");
    }

    public String email(int n) {
        return "osoba" + n + "." + run + "@test.koordes.example";
    }

    int count(long event, RegistrationStatus status) {
        return jdbc.sql("select count(*) from event_registration where event_id = :e and status = :s")
                .param("e", event)
                .param("s", status.name())
                .query(Integer.class)
                .single();
    }

    List<Long> ids(long event, RegistrationStatus status) {
        return jdbc.sql("select id from event_registration where event_id = :e and status = :s order by id")
                .param("e", event)
                .param("s", status.name())
                .query(Long.class)
                .list();
    }
}
