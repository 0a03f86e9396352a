package pl.koordes.advisory.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the operator's assignment pages read: every expert with their load (one statement whatever the number
 * of experts and cases), the topics, a case's hours and the sessions waiting for consent.
 */
@Repository
@Transactional(readOnly = true)
public class AssignmentQueries {

    /**
     * An expert and their load.
     *
     * @param openCases the cases assigned to them that are still open ({@code AdvisoryStatus.open()})
     * @param hoursThisYear hours of sessions they held this calendar year that count (within the limit or granted)
     * @param regionIds empty: every region
     */
    public record ExpertLoad(
            long accountId,
            String name,
            long openCases,
            BigDecimal hoursThisYear,
            List<Long> topicIds,
            List<String> topicNames,
            List<Long> regionIds,
            List<String> regionNames) {

        /** Whether the expert covers this topic in this region. */
        public boolean covers(long topicId, long regionId) {
            return topicIds.contains(topicId) && (regionIds.isEmpty() || regionIds.contains(regionId));
        }
    }

    /** An advisory topic; {@code cases} is how many requests name it. */
    public record Topic(long id, String namePl, String nameEn, int position, boolean active, long cases) {

        public String name(Locale locale) {
            return locale.getLanguage().equals("en") ? nameEn : namePl;
        }

        public String href() {
            return "/doradztwo/tematy/" + id;
        }
    }

    /** A session recorded beyond the case's limit, waiting for the operator. */
    public record PendingSession(long id, LocalDate heldOn, BigDecimal hours, String expert) {}

    private final JdbcClient jdbc;

    AssignmentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every active expert with their load in one statement; with a topic and a region, those covering both come
     * first, then by name.
     */
    public List<ExpertLoad> experts(Locale locale, int year, @Nullable Long topicId, @Nullable Long regionId) {
        List<ExpertLoad> experts = expertRows(locale, year, null);
        if (topicId == null || regionId == null) {
            return experts;
        }
        return experts.stream()
                .sorted(Comparator.comparing((ExpertLoad e) -> !e.covers(topicId, regionId)))
                .toList();
    }

    /** One active expert with their load. */
    public Optional<ExpertLoad> expert(Locale locale, int year, long accountId) {
        return expertRows(locale, year, accountId).stream().findFirst();
    }

    /** Whether the account is an active expert. */
    public boolean isActiveExpert(long accountId) {
        return jdbc.sql("""
                        select exists (select 1 from account a join role_assignment r on r.account_id = a.id
                                       where a.id = :a and a.status = 'ACTIVE' and r.role = 'EXPERT')
                        """).param("a", accountId).query(Boolean.class).single();
    }

    private List<ExpertLoad> expertRows(Locale locale, int year, @Nullable Long accountId) {
        boolean english = locale.getLanguage().equals("en");
        return jdbc.sql("""
                        select a.id, a.display_name,
                               (select count(*) from advisory_assignment s
                                join advisory_request q on q.id = s.request_id
                                where s.account_id = a.id and q.status in ('ACCEPTED', 'SCHEDULED', 'IN_PROGRESS')) as open_cases,
                               (select coalesce(sum(h.hours), 0) from advisory_session h
                                where h.account_id = a.id and (h.consent is null or h.consent = 'GRANTED')
                                  and h.held_on >= :since and h.held_on < :to) as hours,
                               array(select t.id from advisory_expert_topic e join advisory_topic t on t.id = e.topic_id
                                     where e.account_id = a.id order by t.position, t.id) as topic_ids,
                               array(select case when :en then t.name_en else t.name_pl end
                                     from advisory_expert_topic e join advisory_topic t on t.id = e.topic_id
                                     where e.account_id = a.id order by t.position, t.id) as topic_names,
                               array(select g.id from advisory_expert_region e join region g on g.id = e.region_id
                                     where e.account_id = a.id order by g.name_pl, g.id) as region_ids,
                               array(select case when :en then g.name_en else g.name_pl end
                                     from advisory_expert_region e join region g on g.id = e.region_id
                                     where e.account_id = a.id order by g.name_pl, g.id) as region_names
                        from account a
                        where a.status = 'ACTIVE'
                          and exists (select 1 from role_assignment r where r.account_id = a.id and r.role = 'EXPERT')
                          and (cast(:account as bigint) is null or a.id = :account)
                        order by a.display_name, a.id
                        """)
                .param("since", LocalDate.of(year, 1, 1))
                .param("to", LocalDate.of(year + 1, 1, 1))
                .param("en", english)
                .param("account", accountId)
                .query((rs, n) -> new ExpertLoad(
                        rs.getLong("id"),
                        rs.getString("display_name"),
                        rs.getLong("open_cases"),
                        rs.getBigDecimal("hours"),
                        longs(rs, "topic_ids"),
                        strings(rs, "topic_names"),
                        longs(rs, "region_ids"),
                        strings(rs, "region_names")))
                .list();
    }

    /** Every topic in its place, with how many requests name it. */
    public List<Topic> topics() {
        return jdbc.sql("""
                        select t.id, t.name_pl, t.name_en, t.position, t.active,
                               (select count(*) from advisory_request r where r.topic_id = t.id) as cases
                        from advisory_topic t order by t.position, t.id
                        """).query(AssignmentQueries::topic).list();
    }

    public Optional<Topic> topic(long id) {
        return jdbc.sql("""
                        select t.id, t.name_pl, t.name_en, t.position, t.active,
                               (select count(*) from advisory_request r where r.topic_id = t.id) as cases
                        from advisory_topic t where t.id = :id
                        """).param("id", id).query(AssignmentQueries::topic).optional();
    }

    /** The hours that count towards the case's limit: sessions within it and those granted. */
    public BigDecimal countedHours(long requestId) {
        return jdbc.sql("""
                        select coalesce(sum(hours), 0) from advisory_session
                        where request_id = :id and (consent is null or consent = 'GRANTED')
                        """).param("id", requestId).query(BigDecimal.class).single();
    }

    /** The case's sessions waiting for the operator's consent, oldest first. */
    public List<PendingSession> pending(long requestId) {
        return jdbc.sql("""
                        select s.id, s.held_on, s.hours, coalesce(a.display_name, '') from advisory_session s
                        left join account a on a.id = s.account_id and a.status <> 'DELETED'
                        where s.request_id = :id and s.consent = 'PENDING' order by s.held_on, s.id
                        """)
                .param("id", requestId)
                .query((rs, n) -> new PendingSession(
                        rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3), rs.getString(4)))
                .list();
    }

    private static Topic topic(ResultSet rs, int row) throws SQLException {
        return new Topic(
                rs.getLong("id"),
                rs.getString("name_pl"),
                rs.getString("name_en"),
                rs.getInt("position"),
                rs.getBoolean("active"),
                rs.getLong("cases"));
    }

    private static List<Long> longs(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Long[]) array.getArray()).toList();
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((String[]) array.getArray()).toList();
    }
}
