package pl.koordes.committees;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.SignedInClient;

/**
 * Throwaway meetings and members of a region's demo committee for the meetings' tests: made with a prefix in
 * their title or name, removed with it (answers, attendance, documents and flags cascade).
 */
final class MeetingsTesting {

    static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    private final JdbcClient jdbc;
    private final int port;

    MeetingsTesting(JdbcClient jdbc, int port) {
        this.jdbc = jdbc;
        this.port = port;
    }

    static LocalDate today() {
        return LocalDate.now(WARSAW);
    }

    SignedInClient signedIn(String email, String address) {
        return DemoAccounts.signedIn(jdbc, port, email, address);
    }

    long account(String email) {
        return jdbc.sql("select id from account where email = :e")
                .param("e", email)
                .query(Long.class)
                .single();
    }

    /** The region's committee the space shows: the one whose term covers today. */
    long committee(String slug) {
        return jdbc.sql("""
                        select c.id from committee c join region r on r.id = c.region_id where r.slug = :slug
                        order by (current_date between c.term_start and c.term_end) desc, c.term_start desc limit 1
                        """).param("slug", slug).query(Long.class).single();
    }

    /** A member of the committee from {@code start}, with an address and perhaps an account. */
    long member(String slug, String name, LocalDate start, String email, @Nullable Long accountId) {
        return jdbc.sql("""
                        insert into committee_membership (committee_id, full_name, organisation, sector, function,
                            function_form, term_start, email, account_id)
                        values (:committee, :name, 'Organizacja testowa', 'NGO', 'MEMBER', 'UNSPECIFIED', :start, :email,
                            :account)
                        returning id
                        """)
                .param("committee", committee(slug))
                .param("name", name)
                .param("start", start)
                .param("email", email)
                .param("account", accountId)
                .query(Long.class)
                .single();
    }

    /**
     * Unlinks the account's other seats (the demo committee member's), so that a test's own seat is the one the
     * account answers through; {@link #relink} puts them back.
     */
    List<Long> unlinkSeats(long accountId) {
        List<Long> ids = jdbc.sql("select id from committee_membership where account_id = :a")
                .param("a", accountId)
                .query(Long.class)
                .list();
        jdbc.sql("update committee_membership set account_id = null where account_id = :a")
                .param("a", accountId)
                .update();
        return ids;
    }

    void relink(List<Long> seats, long accountId) {
        if (!seats.isEmpty()) {
            jdbc.sql("update committee_membership set account_id = :a where id in (:ids)")
                    .param("a", accountId)
                    .param("ids", seats)
                    .update();
        }
    }

    /** A meeting of the committee at 10:00–12:00 of the day, in this status. */
    long meeting(String slug, String title, LocalDate day, String status, boolean publicMeeting) {
        ZonedDateTime start = day.atTime(LocalTime.of(10, 0)).atZone(WARSAW);
        return jdbc.sql("""
                        insert into committee_meeting (committee_id, region_id, title, starts_at, ends_at, place, agenda,
                            status, public_meeting, convened_at)
                        select c.id, c.region_id, :title, :starts, :ends, 'Sala obrad', '1. Otwarcie', :status, :public,
                            case when :status = 'DRAFT' then null else now() end
                        from committee c where c.id = :committee
                        returning id
                        """)
                .param("committee", committee(slug))
                .param("title", title)
                .param("starts", start.toOffsetDateTime())
                .param("ends", start.plusHours(2).toOffsetDateTime())
                .param("status", status)
                .param("public", publicMeeting)
                .query(Long.class)
                .single();
    }

    /** The members sitting on the day (the rows the attendance form needs), in id order. */
    List<Long> sitting(String slug, LocalDate day) {
        return jdbc.sql("""
                        select id from committee_membership where committee_id = :committee
                        and term_start <= :day and (term_end is null or term_end >= :day) order by id
                        """)
                .param("committee", committee(slug))
                .param("day", day)
                .query(Long.class)
                .list();
    }

    /** The attendance form's fields: everyone present but those named. */
    String[] attendance(String slug, LocalDate day, Map<Long, String> presence) {
        List<String> fields = new ArrayList<>();
        List<Long> ids = sitting(slug, day);
        for (int i = 0; i < ids.size(); i++) {
            fields.add("presences[" + i + "].membershipId");
            fields.add(String.valueOf(ids.get(i)));
            fields.add("presences[" + i + "].presence");
            fields.add(presence.getOrDefault(ids.get(i), "PRESENT"));
        }
        return fields.toArray(String[]::new);
    }

    /** The flags of a member, each as its meetings in order. */
    List<List<Long>> flags(long membershipId) {
        return jdbc.sql("select meeting_ids from committee_absence_flag where membership_id = :m order by id")
                .param("m", membershipId)
                .query((rs, n) -> List.of((Long[]) rs.getArray(1).getArray()))
                .list();
    }

    String status(long meetingId) {
        return jdbc.sql("select status from committee_meeting where id = :id")
                .param("id", meetingId)
                .query(String.class)
                .single();
    }

    long audits(String action, long target) {
        return jdbc.sql("select count(*) from audit_entry where action = :a and target_id = :t")
                .param("a", action)
                .param("t", String.valueOf(target))
                .query(Long.class)
                .single();
    }

    long notices(String email, String kind) {
        return jdbc.sql("""
                        select count(*) from notifications_notice n join account a on a.id = n.account_id
                        where a.email = :e and n.kind = :k
                        """)
                .param("e", email)
                .param("k", kind)
                .query(Long.class)
                .single();
    }

    void cleanUp(String prefix) {
        jdbc.sql("delete from committee_meeting where title like :p")
                .param("p", prefix + "%")
                .update();
        jdbc.sql("delete from committee_membership where full_name like :p")
                .param("p", prefix + "%")
                .update();
    }
}
