package pl.koordes.advisory.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.accounts.RoleHolders;
import pl.koordes.advisory.AdvisoryMode;
import pl.koordes.advisory.HoursConsent;
import pl.koordes.advisory.internal.SessionRecords.Institution;
import pl.koordes.advisory.internal.SessionRecords.Owner;
import pl.koordes.advisory.internal.SessionRecords.Session;
import pl.koordes.advisory.internal.SessionRecords.Task;

/**
 * Reads a case's sessions and follow-up tasks in a fixed number of statements whatever the case holds, the
 * choices the forms offer (the region's institutions, the people a task may be given to) and the overdue tasks.
 */
@Repository
@Transactional(readOnly = true)
public class SessionStore {

    private static final String SESSION = """
            select s.*, a.display_name as recorded_by from advisory_session s
            left join account a on a.id = s.account_id and a.status <> 'DELETED'
            """;

    private static final String TASK = """
            select t.*, coalesce(a.display_name, '') as owner_display from advisory_task t
            left join account a on a.id = t.owner_id and a.status <> 'DELETED'
            """;

    private final JdbcClient jdbc;

    SessionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The case's sessions, the latest first; two statements. */
    public List<Session> sessions(long requestId) {
        Map<Long, List<Institution>> institutions = new HashMap<>();
        jdbc.sql("""
                        select si.session_id, i.id, i.name from advisory_session_institution si
                        join advisory_session s on s.id = si.session_id
                        join institution i on i.id = si.institution_id
                        where s.request_id = :r order by i.name, i.id
                        """).param("r", requestId).query(rs -> {
            institutions
                    .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new Institution(rs.getLong(2), rs.getString(3)));
        });
        return jdbc.sql(SESSION + "where s.request_id = :r order by s.held_on desc, s.id desc")
                .param("r", requestId)
                .query((rs, n) -> session(rs, institutions.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    /** One session of this case (a session of another case is not found). */
    public Optional<Session> session(long requestId, long sessionId) {
        List<Institution> institutions = jdbc.sql("""
                        select i.id, i.name from advisory_session_institution si
                        join institution i on i.id = si.institution_id
                        where si.session_id = :s order by i.name, i.id
                        """)
                .param("s", sessionId)
                .query((rs, n) -> new Institution(rs.getLong(1), rs.getString(2)))
                .list();
        return jdbc.sql(SESSION + "where s.request_id = :r and s.id = :s")
                .param("r", requestId)
                .param("s", sessionId)
                .query((rs, n) -> session(rs, institutions))
                .optional();
    }

    /** The hours that count towards the case's limit (within it or granted), leaving out one session if given. */
    public BigDecimal countedHours(long requestId, @Nullable Long except) {
        return jdbc.sql("""
                        select coalesce(sum(hours), 0) from advisory_session
                        where request_id = :r and (consent is null or consent = 'GRANTED')
                          and (cast(:except as bigint) is null or id <> :except)
                        """)
                .param("r", requestId)
                .param("except", except)
                .query(BigDecimal.class)
                .single();
    }

    /** How many sessions the case has. */
    public int sessionCount(long requestId) {
        return jdbc.sql("select count(*) from advisory_session where request_id = :r")
                .param("r", requestId)
                .query(Integer.class)
                .single();
    }

    /** How many of the case's sessions wait for the operator's consent. */
    public int pendingCount(long requestId) {
        return jdbc.sql("select count(*) from advisory_session where request_id = :r and consent = 'PENDING'")
                .param("r", requestId)
                .query(Integer.class)
                .single();
    }

    /** The case's tasks: open ones by due date, then done ones. */
    public List<Task> tasks(long requestId) {
        return jdbc.sql(TASK + "where t.request_id = :r order by (t.done_at is not null), t.due_on, t.id")
                .param("r", requestId)
                .query(SessionStore::task)
                .list();
    }

    public Optional<Task> task(long requestId, long taskId) {
        return jdbc.sql(TASK + "where t.request_id = :r and t.id = :t")
                .param("r", requestId)
                .param("t", taskId)
                .query(SessionStore::task)
                .optional();
    }

    /** Open tasks past their due date whose owner has not been reminded yet, oldest first. */
    public List<Task> overdueUnreminded(LocalDate today, int limit) {
        return jdbc.sql(TASK + """
                        where t.done_at is null and t.due_on < :today and t.reminded_on is null
                        order by t.due_on, t.id limit :limit""")
                .param("today", today)
                .param("limit", limit)
                .query(SessionStore::task)
                .list();
    }

    /** The institutions of the region's directory, by name: the participants a session may name. */
    public List<Institution> institutions(long regionId) {
        return jdbc.sql("select id, name from institution where region_id = :r order by name, id")
                .param("r", regionId)
                .query((rs, n) -> new Institution(rs.getLong(1), rs.getString(2)))
                .list();
    }

    /** The people a task of the case may be given to: the region's coordinators and committee members, its experts. */
    public List<Owner> owners(long regionId, long requestId) {
        return jdbc.sql("""
                        select a.id, a.display_name from account a
                        where a.status = 'ACTIVE' and (
                            exists (select 1 from role_assignment r where r.account_id = a.id
                                    and r.role in ('REGIONAL_COORDINATOR', 'COMMITTEE_MEMBER') and r.region_id = :region)
                            or exists (select 1 from advisory_assignment s where s.account_id = a.id and s.request_id = :r))
                        order by lower(a.display_name), a.id
                        """)
                .param("region", regionId)
                .param("r", requestId)
                .query((rs, n) -> new Owner(rs.getLong(1), rs.getString(2)))
                .list();
    }

    /** Where to write to these accounts (active ones only) and in which language. */
    public List<RoleHolders.Holder> contacts(List<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, email, language from account where status = 'ACTIVE' and id in (:ids) order by id")
                .param("ids", accountIds)
                .query((rs, n) -> new RoleHolders.Holder(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** The case (id, region, topic) of the sessions linked to an event, for the event page's section. */
    public List<EventLink> linkedToEvent(long eventId) {
        return jdbc.sql("""
                        select distinct r.id, r.region_id, r.topic_id, t.name_pl, t.name_en from advisory_session s
                        join advisory_request r on r.id = s.request_id
                        join advisory_topic t on t.id = r.topic_id
                        where s.event_id = :e order by r.id
                        """)
                .param("e", eventId)
                .query((rs, n) -> new EventLink(rs.getLong(1), rs.getLong(2), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** A case with a session held as the event: its region and topic, nothing confidential. */
    public record EventLink(long requestId, long regionId, String topicPl, String topicEn) {}

    private static Session session(ResultSet rs, List<Institution> institutions) throws SQLException {
        String consent = rs.getString("consent");
        return new Session(
                rs.getLong("id"),
                rs.getLong("request_id"),
                (Long) rs.getObject("account_id"),
                rs.getString("recorded_by"),
                rs.getObject("held_on", LocalDate.class),
                rs.getBigDecimal("hours"),
                AdvisoryMode.valueOf(rs.getString("mode")),
                rs.getString("participants"),
                rs.getString("summary"),
                rs.getString("recommendations"),
                (Long) rs.getObject("event_id"),
                consent == null ? null : HoursConsent.valueOf(consent),
                rs.getInt("row_version"),
                List.copyOf(institutions));
    }

    private static Task task(ResultSet rs, int row) throws SQLException {
        String display = rs.getString("owner_display");
        return new Task(
                rs.getLong("id"),
                rs.getLong("request_id"),
                (Long) rs.getObject("session_id"),
                rs.getString("description"),
                (Long) rs.getObject("owner_id"),
                display.isEmpty() ? rs.getString("owner_name") : display,
                rs.getObject("due_on", LocalDate.class),
                AdvisoryStore.instant(rs, "done_at"),
                rs.getObject("reminded_on", LocalDate.class));
    }
}
