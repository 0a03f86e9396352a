package pl.koordes.postulates.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.shared.personaldata.PersonalData;

/**
 * What postulates keep about a person (every {@code postulates_*} table): the postulates they drafted or
 * submitted, the attachments they uploaded, the co-signatures they gave for their region, the answers
 * and forwardings they made, the agenda entries they added, and the postulates they endorse and follow.
 * Erasure removes the person from all of it — the account references become empty, their endorsements
 * and follows go — and keeps the postulates, signatures and answers, which are the region's and the
 * institution's records, not the person's.
 */
@Component
class DraftingPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    DraftingPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "postulates";
    }

    @Override
    public Object export(Person person) {
        Long account = person.accountId();
        if (account == null) {
            return Map.of();
        }
        var result = PersonalData.row();
        result.put("drafted", postulates("created_by", "created_at", account));
        result.put("submitted", postulates("submitted_by", "submitted_at", account));
        result.put("forwarded", postulates("forwarded_by", "forwarded_at", account));
        result.put("attachments", list("""
                        select a.postulate_id, a.file_name, a.uploaded_at as at from postulates_attachment a
                        where a.uploaded_by = :a order by a.uploaded_at, a.id""", account, "file_name"));
        result.put("cosigned", list("""
                        select s.postulate_id, s.signed_at as at, s.withdrawn_at from postulates_signature s
                        where s.signed_by = :a order by s.signed_at, s.id""", account, null));
        result.put("endorsed", list("""
                        select e.postulate_id, e.endorsed_at as at from postulates_endorsement e
                        where e.account_id = :a order by e.endorsed_at, e.postulate_id""", account, null));
        result.put("follows", list("""
                        select f.postulate_id, f.since as at from postulates_follower f
                        where f.account_id = :a order by f.since, f.postulate_id""", account, null));
        result.put("answered", list("""
                        select w.postulate_id, w.answered_at as at, w.version from postulates_answer w
                        where w.answered_by = :a order by w.answered_at, w.id""", account, null));
        result.put("agenda", list("""
                        select g.postulate_id, g.added_at as at, g.event_id from postulates_agenda g
                        where g.added_by = :a order by g.added_at, g.postulate_id""", account, null));
        return result;
    }

    private List<Map<String, @Nullable Object>> postulates(String byColumn, String atColumn, long account) {
        return jdbc.sql("select id, title, status, " + atColumn + " as at from postulates_postulate where " + byColumn
                        + " = :a order by " + atColumn + ", id")
                .param("a", account)
                .query((rs, n) -> {
                    var row = PersonalData.row();
                    row.put("postulate", rs.getLong("id"));
                    row.put("title", rs.getString("title"));
                    row.put("status", rs.getString("status"));
                    row.put("at", PersonalData.time(rs.getTimestamp("at")));
                    return row;
                })
                .list();
    }

    private List<Map<String, @Nullable Object>> list(String sql, long account, @Nullable String textColumn) {
        return jdbc.sql(sql)
                .param("a", account)
                .query((rs, n) -> {
                    var row = PersonalData.row();
                    row.put("postulate", rs.getLong("postulate_id"));
                    row.put("at", PersonalData.time(rs.getTimestamp("at")));
                    if (textColumn != null) {
                        row.put(textColumn, rs.getString(textColumn));
                    }
                    return row;
                })
                .list();
    }

    @Override
    public void erase(Person person) {
        Long account = person.accountId();
        if (account == null) {
            return;
        }
        for (String sql : List.of(
                "update postulates_postulate set created_by = null where created_by = :a",
                "update postulates_postulate set submitted_by = null where submitted_by = :a",
                "update postulates_postulate set forwarded_by = null where forwarded_by = :a",
                "update postulates_attachment set uploaded_by = null where uploaded_by = :a",
                "update postulates_signature set signed_by = null where signed_by = :a",
                "update postulates_answer set answered_by = null where answered_by = :a",
                "update postulates_agenda set added_by = null where added_by = :a",
                "delete from postulates_endorsement where account_id = :a",
                "delete from postulates_follower where account_id = :a")) {
            jdbc.sql(sql).param("a", account).update();
        }
    }
}
