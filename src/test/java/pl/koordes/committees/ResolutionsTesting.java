package pl.koordes.committees;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.SignedInClient;

/** Throwaway resolutions, meetings and minutes for the tests of resolutions and minutes: made with a title prefix, removed with it. */
final class ResolutionsTesting {

    static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    private final JdbcClient jdbc;
    private final int port;

    ResolutionsTesting(JdbcClient jdbc, int port) {
        this.jdbc = jdbc;
        this.port = port;
    }

    static LocalDate today() {
        return LocalDate.now(WARSAW);
    }

    SignedInClient signedIn(String email, String address) {
        return DemoAccounts.signedIn(jdbc, port, email, address);
    }

    SignedInClient anonymous(String address) {
        return new SignedInClient(port, address);
    }

    long account(String email) {
        return jdbc.sql("select id from account where email = :e")
                .param("e", email)
                .query(Long.class)
                .single();
    }

    long region(String slug) {
        return jdbc.sql("select id from region where slug = :s")
                .param("s", slug)
                .query(Long.class)
                .single();
    }

    long committee(String slug) {
        return jdbc.sql("""
                        select c.id from committee c join region r on r.id = c.region_id where r.slug = :s
                        order by (current_date between c.term_start and c.term_end) desc, c.term_start desc limit 1
                        """).param("s", slug).query(Long.class).single();
    }

    /** The members sitting today, in id order. */
    List<Long> members(String slug) {
        return jdbc.sql("""
                        select id from committee_membership where committee_id = :c and term_start <= current_date
                          and (term_end is null or term_end >= current_date) order by id
                        """).param("c", committee(slug)).query(Long.class).list();
    }

    /** A held meeting of the region's committee, days ago. */
    long heldMeeting(String slug, String title, int daysAgo) {
        return jdbc.sql("""
                        insert into committee_meeting (committee_id, region_id, title, starts_at, ends_at, status,
                            attendance_recorded_at)
                        values (:c, :r, :t, now() - make_interval(days => :d), now() - make_interval(days => :d)
                            + interval '2 hours', 'HELD', now())
                        returning id
                        """)
                .param("c", committee(slug))
                .param("r", region(slug))
                .param("t", title)
                .param("d", daysAgo)
                .query(Long.class)
                .single();
    }

    /** A resolution inserted directly, with the next number of its kind and year. */
    long resolution(String slug, String kind, String title, boolean isPublic, LocalDate adoptedOn) {
        return jdbc.sql("""
                        insert into committee_resolution (committee_id, region_id, kind, number, year, title, body,
                            adopted_on, public_resolution)
                        values (:c, :r, :k, (select coalesce(max(number), 0) + 1 from committee_resolution
                            where region_id = :r and kind = :k and year = :y), :y, :t, 'Treść', :a, :p)
                        returning id
                        """)
                .param("c", committee(slug))
                .param("r", region(slug))
                .param("k", kind)
                .param("y", adoptedOn.getYear())
                .param("t", title)
                .param("a", adoptedOn)
                .param("p", isPublic)
                .query(Long.class)
                .single();
    }

    long lastResolution(String prefix) {
        return jdbc.sql("select max(id) from committee_resolution where title like :p")
                .param("p", prefix + "%")
                .query(Long.class)
                .single();
    }

    int number(long id) {
        return jdbc.sql("select number from committee_resolution where id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    long audits(String action, long target) {
        return jdbc.sql("select count(*) from audit_entry where action = :a and target_id = :t")
                .param("a", action)
                .param("t", String.valueOf(target))
                .query(Long.class)
                .single();
    }

    long notices(long accountId, String kind) {
        return jdbc.sql("select count(*) from notifications_notice where account_id = :a and kind = :k")
                .param("a", accountId)
                .param("k", kind)
                .query(Long.class)
                .single();
    }

    /** Links the membership to the account (as the composition part does), returning what it was linked to. */
    void link(long membershipId, Long accountId) {
        jdbc.sql("update committee_membership set account_id = :a where id = :m")
                .param("a", accountId)
                .param("m", membershipId)
                .update();
    }

    void cleanUp(String prefix) {
        jdbc.sql("delete from committee_resolution where title like :p")
                .param("p", prefix + "%")
                .update();
        jdbc.sql("delete from committee_meeting where title like :p")
                .param("p", prefix + "%")
                .update();
    }
}
