package pl.koordes.surveys.internal;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.shared.personaldata.PersonalData;

/**
 * What needs keep about a person: the needs they recorded ({@code surveys_need.created_by}) and the links they
 * made ({@code surveys_need_link.linked_by}). Erasure leaves the needs and links, which are the programme's
 * plan, without the person. The answers a need quotes are the answering part's (its own personal data).
 */
@Component
class NeedPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    NeedPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "surveyNeeds";
    }

    @Override
    public Object export(Person person) {
        Long account = person.accountId();
        if (account == null) {
            return Map.of();
        }
        var result = PersonalData.row();
        result.put(
                "recorded",
                jdbc.sql("""
                        select id, topic, created_at from surveys_need where created_by = :a order by created_at, id
                        """)
                        .param("a", account)
                        .query((rs, n) -> {
                            var row = PersonalData.row();
                            row.put("need", rs.getLong("id"));
                            row.put("topic", rs.getString("topic"));
                            row.put("at", PersonalData.time(rs.getTimestamp("created_at")));
                            return row;
                        })
                        .list());
        result.put(
                "linked",
                jdbc.sql("""
                        select need_id, kind, target_id, linked_at from surveys_need_link where linked_by = :a
                        order by linked_at, need_id
                        """)
                        .param("a", account)
                        .query((rs, n) -> {
                            var row = PersonalData.row();
                            row.put("need", rs.getLong("need_id"));
                            row.put("kind", rs.getString("kind"));
                            row.put("target", rs.getLong("target_id"));
                            row.put("at", PersonalData.time(rs.getTimestamp("linked_at")));
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
        jdbc.sql("update surveys_need set created_by = null where created_by = :a")
                .param("a", account)
                .update();
        jdbc.sql("update surveys_need_link set linked_by = null where linked_by = :a")
                .param("a", account)
                .update();
    }
}
