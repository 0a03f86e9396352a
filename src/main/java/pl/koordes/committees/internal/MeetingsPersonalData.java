package pl.koordes.committees.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.shared.personaldata.PersonalData;

/**
 * What the meetings keep about a person: as a committee member (a membership linked to their account or under
 * their address) their answers to invitations, their recorded attendance and the absence flags; as a secretary,
 * the meetings, documents, attendance and decisions they recorded. Erasure removes their answers (with the
 * reasons they wrote) and the traces of their account; the attendance stays with the membership, as the
 * committee's record of its meetings.
 */
@Component
class MeetingsPersonalData implements PersonalData {

    private static final String MEMBERSHIPS = """
            select id from committee_membership
            where (cast(:account as bigint) is not null and account_id = :account) or lower(email) = lower(:email)
            """;

    private final JdbcClient jdbc;

    MeetingsPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "committeeMeetings";
    }

    @Override
    public Object export(Person person) {
        var result = PersonalData.row();
        result.put(
                "answers",
                rows(
                        "select a.meeting_id, m.title, m.starts_at, a.answer, a.reason, a.answered_at"
                                + " from committee_meeting_answer a join committee_meeting m on m.id = a.meeting_id"
                                + " where a.membership_id in (" + MEMBERSHIPS + ") order by m.starts_at, m.id",
                        person,
                        (rs, row) -> {
                            meetingColumns(rs, row);
                            row.put("answer", rs.getString(4));
                            row.put("reason", rs.getString(5));
                            row.put("answeredAt", instant(rs.getObject(6, OffsetDateTime.class)));
                        }));
        result.put(
                "attendance",
                rows(
                        "select a.meeting_id, m.title, m.starts_at, a.presence"
                                + " from committee_attendance a join committee_meeting m on m.id = a.meeting_id"
                                + " where a.membership_id in (" + MEMBERSHIPS + ") order by m.starts_at, m.id",
                        person,
                        (rs, row) -> {
                            meetingColumns(rs, row);
                            row.put("presence", rs.getString(4));
                        }));
        result.put(
                "absenceFlags",
                rows(
                        "select id, meeting_ids, raised_at, decision, decided_on from committee_absence_flag"
                                + " where membership_id in (" + MEMBERSHIPS + ") order by raised_at, id",
                        person,
                        (rs, row) -> {
                            row.put("flag", rs.getLong(1));
                            row.put("meetings", List.of((Long[]) rs.getArray(2).getArray()));
                            row.put("raisedAt", instant(rs.getObject(3, OffsetDateTime.class)));
                            row.put("decision", rs.getString(4));
                            LocalDate on = rs.getObject(5, LocalDate.class);
                            row.put("decidedOn", on == null ? null : on.toString());
                        }));
        return result;
    }

    /** One exported row's columns from the current result row. */
    private interface Columns {
        void put(ResultSet rs, Map<String, @Nullable Object> row) throws SQLException;
    }

    private List<Map<String, @Nullable Object>> rows(String sql, Person person, Columns columns) {
        return jdbc.sql(sql)
                .param("account", person.accountId())
                .param("email", person.email())
                .query((rs, n) -> {
                    var row = PersonalData.row();
                    columns.put(rs, row);
                    return row;
                })
                .list();
    }

    private static void meetingColumns(ResultSet rs, Map<String, @Nullable Object> row) throws SQLException {
        row.put("meeting", rs.getLong(1));
        row.put("title", rs.getString(2));
        row.put("startsAt", instant(rs.getObject(3, OffsetDateTime.class)));
    }

    @Override
    public void erase(Person person) {
        jdbc.sql("delete from committee_meeting_answer where membership_id in (" + MEMBERSHIPS + ")")
                .param("account", person.accountId())
                .param("email", person.email())
                .update();
        Long account = person.accountId();
        if (account == null) {
            return;
        }
        for (Map.Entry<String, String> column : List.of(
                Map.entry("committee_meeting", "created_by"),
                Map.entry("committee_meeting", "convened_by"),
                Map.entry("committee_meeting", "attendance_recorded_by"),
                Map.entry("committee_meeting_answer", "answered_by"),
                Map.entry("committee_attendance", "recorded_by"),
                Map.entry("committee_document", "uploaded_by"),
                Map.entry("committee_absence_flag", "decided_by"))) {
            jdbc.sql("update " + column.getKey() + " set " + column.getValue() + " = null where " + column.getValue()
                            + " = :a")
                    .param("a", account)
                    .update();
        }
    }

    private static @Nullable String instant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant().toString();
    }
}
