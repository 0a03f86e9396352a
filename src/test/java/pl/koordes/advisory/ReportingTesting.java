package pl.koordes.advisory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;

/**
 * Cases and sessions written straight into the tables for the reporting tests, in 2015 (a year the demo data
 * does not touch), so that the figures can be computed by hand. Every title starts with {@link #TITLE}.
 */
final class ReportingTesting {

    static final String TITLE = "Raport testowy";
    static final int YEAR = 2015;
    static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    private ReportingTesting() {}

    static void removeAll(JdbcClient jdbc) {
        jdbc.sql("delete from advisory_request where title like :t")
                .param("t", TITLE + "%")
                .update();
    }

    static long region(JdbcClient jdbc, String slug) {
        return jdbc.sql("select id from region where slug = :s")
                .param("s", slug)
                .query(Long.class)
                .single();
    }

    static long topic(JdbcClient jdbc, int position) {
        return jdbc.sql("select id from advisory_topic where position = :p order by id limit 1")
                .param("p", position)
                .query(Long.class)
                .single();
    }

    static long account(JdbcClient jdbc, String email) {
        return jdbc.sql("select id from account where email = :e")
                .param("e", email)
                .query(Long.class)
                .single();
    }

    static long expert(JdbcClient jdbc) {
        return account(jdbc, DemoAccounts.EXPERT);
    }

    static long otherExpert(JdbcClient jdbc) {
        return account(jdbc, DemoAccounts.EXPERT_OTHER);
    }

    static OffsetDateTime at(int year, int month, int day, int hour, int minute) {
        return LocalDate.of(year, month, day)
                .atTime(hour, minute)
                .atZone(WARSAW)
                .toOffsetDateTime();
    }

    /** A case of the region with the topic, requested at {@code requestedAt}. */
    static long request(
            JdbcClient jdbc,
            String title,
            String regionSlug,
            int topicPosition,
            String status,
            OffsetDateTime requestedAt,
            @Nullable Integer rating,
            @Nullable OffsetDateTime ratedAt) {
        boolean done = status.equals("COMPLETED");
        return jdbc.sql("""
                        insert into advisory_request (region_id, topic_id, title, description, kind, mode, status,
                            decline_reason, hours_limit, final_recommendation, rating, rated_at, requested_at,
                            decided_at, completed_at, updated_at)
                        values (:region, :topic, :title, 'Opis testowy', 'GROUP', 'ONLINE', :status,
                            case when :status in ('DECLINED', 'WITHDRAWN') then 'Powód' end, 10,
                            case when :done then 'Rekomendacja' end, :rating, :ratedAt, :at,
                            :at, case when :done then cast(:ratedAtOrAt as timestamptz) end, :at)
                        returning id
                        """)
                .param("region", region(jdbc, regionSlug))
                .param("topic", topic(jdbc, topicPosition))
                .param("title", TITLE + " " + title)
                .param("status", status)
                .param("done", done)
                .param("rating", rating)
                .param("ratedAt", ratedAt)
                .param("ratedAtOrAt", ratedAt == null ? requestedAt : ratedAt)
                .param("at", requestedAt)
                .query(Long.class)
                .single();
    }

    static long session(
            JdbcClient jdbc,
            long request,
            long expert,
            LocalDate heldOn,
            String hours,
            @Nullable String consent,
            String participants) {
        return jdbc.sql("""
                        insert into advisory_session (request_id, account_id, held_on, hours, mode, participants,
                            summary, consent, created_at, updated_at)
                        values (:request, :expert, :on, :hours, 'ONLINE', :participants, 'Podsumowanie', :consent,
                            now(), now())
                        returning id
                        """)
                .param("request", request)
                .param("expert", expert)
                .param("on", heldOn)
                .param("hours", new BigDecimal(hours))
                .param("consent", consent)
                .param("participants", participants)
                .query(Long.class)
                .single();
    }

    static void assign(JdbcClient jdbc, long request, long expert) {
        jdbc.sql("""
                        insert into advisory_assignment (request_id, account_id, assigned_at)
                        values (:r, :a, now())
                        """).param("r", request).param("a", expert).update();
    }

    /** The ids of the known data of {@link #known}. */
    record Known(long a, long b, long c, long d, long e, long s1, long s2, long s3, long s4, long s5) {}

    /**
     * The known data of 2015, hand-summed in the tests:
     *
     * <ul>
     *   <li>A (małopolskie, topic 1, COMPLETED, requested 1.02.2015, rated 4 on 1.06.2015): 10.03 2.5 h by the
     *       expert (within the limit), 20.03 1.25 h by the other expert (GRANTED), 5.04 3 h by the expert (REFUSED).
     *   <li>B (śląskie, topic 2, IN_PROGRESS, requested 1.03.2015): 15.04 4 h by the expert, 1.05 2 h by the
     *       other expert (PENDING).
     *   <li>C (małopolskie, topic 2, SUBMITTED, requested 31.12.2015 23:30 Warsaw time).
     *   <li>D (śląskie, topic 1, COMPLETED, requested 1.11.2014, rated 3 on 10.01.2015): 1.12.2014 1 h.
     *   <li>E (małopolskie, topic 1, SUBMITTED, requested 1.01.2016 00:30 Warsaw time: still 2015 in UTC).
     * </ul>
     */
    static Known known(JdbcClient jdbc) {
        long expert = expert(jdbc);
        long other = otherExpert(jdbc);
        long a = request(jdbc, "A", "malopolskie", 1, "COMPLETED", at(2015, 2, 1, 10, 0), 4, at(2015, 6, 1, 12, 0));
        assign(jdbc, a, expert);
        assign(jdbc, a, other);
        long s1 = session(jdbc, a, expert, LocalDate.of(2015, 3, 10), "2.5", null, "Urząd gminy");
        long s2 = session(jdbc, a, other, LocalDate.of(2015, 3, 20), "1.25", "GRANTED", "");
        long s3 = session(jdbc, a, expert, LocalDate.of(2015, 4, 5), "3", "REFUSED", "");
        long b = request(jdbc, "B", "slaskie", 2, "IN_PROGRESS", at(2015, 3, 1, 9, 0), null, null);
        assign(jdbc, b, expert);
        long s4 = session(jdbc, b, expert, LocalDate.of(2015, 4, 15), "4", null, "");
        long s5 = session(jdbc, b, other, LocalDate.of(2015, 5, 1), "2", "PENDING", "");
        long c = request(jdbc, "C", "malopolskie", 2, "SUBMITTED", at(2015, 12, 31, 23, 30), null, null);
        long d = request(jdbc, "D", "slaskie", 1, "COMPLETED", at(2014, 11, 1, 9, 0), 3, at(2015, 1, 10, 9, 0));
        session(jdbc, d, expert, LocalDate.of(2014, 12, 1), "1", null, "");
        long e = request(jdbc, "E", "malopolskie", 1, "SUBMITTED", at(2016, 1, 1, 0, 30), null, null);
        return new Known(a, b, c, d, e, s1, s2, s3, s4, s5);
    }
}
