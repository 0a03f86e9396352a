package pl.koordes.advisory.internal;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.shared.personaldata.PersonalData;

/**
 * What the assignment keeps about a person: the cases they were assigned to as an expert
 * ({@code advisory_assignment.account_id}) or assigned others to ({@code assigned_by}), the topics and regions
 * they cover as an expert, and the consents to hours they gave ({@code advisory_session.consent_by}). Erasure
 * takes them off their cases and their profile and forgets who assigned or consented; the cases, their
 * sessions and hours stay (the programme's statistics), with no person.
 */
@Component
class AssignmentPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    AssignmentPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "advisoryAssignments";
    }

    @Override
    public Object export(Person person) {
        Long account = person.accountId();
        if (account == null) {
            return Map.of();
        }
        var result = PersonalData.row();
        result.put(
                "assignedTo",
                jdbc.sql("""
                        select s.request_id, r.title, s.assigned_at from advisory_assignment s
                        join advisory_request r on r.id = s.request_id
                        where s.account_id = :a order by s.assigned_at, s.request_id
                        """)
                        .param("a", account)
                        .query((rs, n) -> {
                            var row = PersonalData.row();
                            row.put("case", rs.getLong(1));
                            row.put("title", rs.getString(2));
                            row.put("at", PersonalData.time(rs.getTimestamp(3)));
                            return row;
                        })
                        .list());
        result.put(
                "assignedOthers",
                jdbc.sql("""
                        select request_id, account_id, assigned_at from advisory_assignment
                        where assigned_by = :a order by assigned_at, request_id, account_id
                        """)
                        .param("a", account)
                        .query((rs, n) -> {
                            var row = PersonalData.row();
                            row.put("case", rs.getLong(1));
                            row.put("expert", rs.getLong(2));
                            row.put("at", PersonalData.time(rs.getTimestamp(3)));
                            return row;
                        })
                        .list());
        result.put(
                "topics", jdbc.sql("""
                        select t.name_pl from advisory_expert_topic e join advisory_topic t on t.id = e.topic_id
                        where e.account_id = :a order by t.position, t.id
                        """).param("a", account).query(String.class).list());
        result.put(
                "regions", jdbc.sql("""
                        select g.name_pl from advisory_expert_region e join region g on g.id = e.region_id
                        where e.account_id = :a order by g.name_pl
                        """).param("a", account).query(String.class).list());
        result.put(
                "consents",
                jdbc.sql("""
                        select request_id, id, consent, consent_at from advisory_session
                        where consent_by = :a order by consent_at, id
                        """)
                        .param("a", account)
                        .query((rs, n) -> {
                            var row = PersonalData.row();
                            row.put("case", rs.getLong(1));
                            row.put("session", rs.getLong(2));
                            row.put("consent", rs.getString(3));
                            row.put("at", PersonalData.time(rs.getTimestamp(4)));
                            return row;
                        })
                        .list());
        return result;
    }

    @Override
    public void erase(Person person) {
        Long account = person.accountId();
        if (account == null) {
            return;
        }
        jdbc.sql("delete from advisory_assignment where account_id = :a")
                .param("a", account)
                .update();
        jdbc.sql("update advisory_assignment set assigned_by = null where assigned_by = :a")
                .param("a", account)
                .update();
        jdbc.sql("delete from advisory_expert_topic where account_id = :a")
                .param("a", account)
                .update();
        jdbc.sql("delete from advisory_expert_region where account_id = :a")
                .param("a", account)
                .update();
        jdbc.sql("update advisory_session set consent_by = null where consent_by = :a")
                .param("a", account)
                .update();
    }
}
