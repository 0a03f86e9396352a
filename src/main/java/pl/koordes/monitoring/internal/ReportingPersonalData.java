package pl.koordes.monitoring.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.shared.personaldata.PersonalData;

/**
 * What monitoring keeps about a person: the notes they wrote about values, and the values they entered,
 * submitted or approved (with when). Erasure removes the person from all of it — the account references
 * become empty — and keeps the values and notes, which are the region's report, not the person's.
 */
@Component
class ReportingPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    ReportingPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "monitoring";
    }

    @Override
    public Object export(Person person) {
        Long account = person.accountId();
        if (account == null) {
            return Map.of();
        }
        List<Map<String, @Nullable Object>> notes = jdbc.sql("""
                        select n.body, n.created_at, i.code, p.year, p.half from monitoring_value_note n
                        join monitoring_value v on v.id = n.value_id
                        join monitoring_indicator i on i.id = v.indicator_id
                        join monitoring_period p on p.id = v.period_id
                        where n.author_id = :a order by n.created_at""")
                .param("a", account)
                .query((rs, n) -> {
                    var row = PersonalData.row();
                    row.put("indicator", rs.getString("code"));
                    row.put("period", period(rs.getInt("year"), rs.getInt("half")));
                    row.put("note", rs.getString("body"));
                    row.put("written", rs.getTimestamp("created_at").toInstant().toString());
                    return row;
                })
                .list();
        List<Map<String, @Nullable Object>> values = jdbc.sql("""
                        select i.code, p.year, p.half, v.status, v.value,
                               case when v.updated_by = :a then v.updated_at end as entered,
                               case when v.submitted_by = :a then v.submitted_at end as submitted,
                               case when v.approved_by = :a then v.approved_at end as approved
                        from monitoring_value v
                        join monitoring_indicator i on i.id = v.indicator_id
                        join monitoring_period p on p.id = v.period_id
                        where v.updated_by = :a or v.submitted_by = :a or v.approved_by = :a
                        order by p.year, p.half, i.code""")
                .param("a", account)
                .query((rs, n) -> {
                    var row = PersonalData.row();
                    row.put("indicator", rs.getString("code"));
                    row.put("period", period(rs.getInt("year"), rs.getInt("half")));
                    row.put("status", rs.getString("status"));
                    row.put("value", rs.getBigDecimal("value"));
                    row.put("entered", PersonalData.time(rs.getTimestamp("entered")));
                    row.put("submitted", PersonalData.time(rs.getTimestamp("submitted")));
                    row.put("approved", PersonalData.time(rs.getTimestamp("approved")));
                    return row;
                })
                .list();
        var result = PersonalData.row();
        result.put("valueNotes", notes);
        result.put("values", values);
        return result;
    }

    private static String period(int year, int half) {
        return half == 0 ? String.valueOf(year) : year + "/" + half;
    }

    @Override
    public void erase(Person person) {
        Long account = person.accountId();
        if (account == null) {
            return;
        }
        for (String sql : List.of(
                "update monitoring_value set updated_by = null where updated_by = :a",
                "update monitoring_value set submitted_by = null where submitted_by = :a",
                "update monitoring_value set approved_by = null where approved_by = :a",
                "update monitoring_value_note set author_id = null where author_id = :a",
                "update monitoring_programme_version set created_by = null where created_by = :a",
                "update monitoring_period set opened_by = null where opened_by = :a")) {
            jdbc.sql(sql).param("a", account).update();
        }
    }
}
