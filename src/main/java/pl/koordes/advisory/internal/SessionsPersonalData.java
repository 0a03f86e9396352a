package pl.koordes.advisory.internal;

import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.shared.personaldata.PersonalData;

/**
 * What the sessions part keeps about a person: the sessions they recorded as the expert
 * ({@code advisory_session.account_id}) and the follow-up tasks given to them ({@code advisory_task.owner_id}).
 * Erasure keeps the sessions and their hours (the programme's statistics) with no person, and the tasks with
 * "a person removed" as their owner; a name typed as a task's owner that is the person's name goes the same way.
 */
@Component
class SessionsPersonalData implements PersonalData {

    /** The owner a task keeps once its owner's data is erased (the column must name somebody). */
    static final String ERASED_OWNER = "—";

    private final JdbcClient jdbc;

    SessionsPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "advisorySessions";
    }

    @Override
    public Object export(Person person) {
        Long account = person.accountId();
        if (account == null) {
            return Map.of();
        }
        var result = PersonalData.row();
        result.put(
                "sessionsRecorded",
                jdbc.sql("""
                        select id, request_id, held_on, hours, mode, created_at from advisory_session
                        where account_id = :a order by held_on, id
                        """)
                        .param("a", account)
                        .query((rs, n) -> {
                            var row = PersonalData.row();
                            row.put("session", rs.getLong("id"));
                            row.put("case", rs.getLong("request_id"));
                            row.put("heldOn", date(rs.getObject("held_on", LocalDate.class)));
                            row.put(
                                    "hours",
                                    rs.getBigDecimal("hours")
                                            .stripTrailingZeros()
                                            .toPlainString());
                            row.put("mode", rs.getString("mode"));
                            row.put("at", PersonalData.time(rs.getTimestamp("created_at")));
                            return row;
                        })
                        .list());
        result.put(
                "tasksOwned",
                jdbc.sql("""
                        select id, request_id, description, due_on, done_at from advisory_task
                        where owner_id = :a order by due_on, id
                        """)
                        .param("a", account)
                        .query((rs, n) -> {
                            var row = PersonalData.row();
                            row.put("task", rs.getLong("id"));
                            row.put("case", rs.getLong("request_id"));
                            row.put("description", rs.getString("description"));
                            row.put("dueOn", date(rs.getObject("due_on", LocalDate.class)));
                            row.put("doneAt", PersonalData.time(rs.getTimestamp("done_at")));
                            return row;
                        })
                        .list());
        return result;
    }

    @Override
    public void erase(Person person) {
        Long account = person.accountId();
        if (account != null) {
            jdbc.sql("update advisory_session set account_id = null where account_id = :a")
                    .param("a", account)
                    .update();
            jdbc.sql("update advisory_task set owner_id = null, owner_name = :erased where owner_id = :a")
                    .param("a", account)
                    .param("erased", ERASED_OWNER)
                    .update();
        }
        if (!person.displayName().isBlank()) {
            jdbc.sql("update advisory_task set owner_name = :erased where lower(owner_name) = lower(:name)")
                    .param("name", person.displayName().strip())
                    .param("erased", ERASED_OWNER)
                    .update();
        }
    }

    private static @Nullable String date(@Nullable LocalDate day) {
        return day == null ? null : day.toString();
    }
}
