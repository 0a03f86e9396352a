package pl.koordes.advisory.internal;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.shared.personaldata.PersonalData;

/**
 * What requests keep about a person: the requests they made ({@code advisory_request.requested_by}), the cases
 * they rated ({@code rated_by}) and decided ({@code decided_by}). Erasure keeps the cases, which are the
 * region's and count in the statistics, without the person; the texts are the region's, not the person's.
 */
@Component
class RequestsPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    RequestsPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "advisoryRequests";
    }

    @Override
    public Object export(Person person) {
        Long account = person.accountId();
        if (account == null) {
            return Map.of();
        }
        var result = PersonalData.row();
        result.put(
                "requested",
                jdbc.sql("""
                        select id, title, status, requested_at from advisory_request where requested_by = :a
                        order by requested_at, id
                        """)
                        .param("a", account)
                        .query((rs, n) -> {
                            var row = PersonalData.row();
                            row.put("case", rs.getLong("id"));
                            row.put("title", rs.getString("title"));
                            row.put("status", rs.getString("status"));
                            row.put("at", PersonalData.time(rs.getTimestamp("requested_at")));
                            return row;
                        })
                        .list());
        result.put(
                "rated",
                jdbc.sql("""
                        select id, title, rating, rating_comment, rated_at from advisory_request where rated_by = :a
                        order by rated_at, id
                        """)
                        .param("a", account)
                        .query((rs, n) -> {
                            var row = PersonalData.row();
                            row.put("case", rs.getLong("id"));
                            row.put("title", rs.getString("title"));
                            row.put("rating", rs.getInt("rating"));
                            row.put("comment", rs.getString("rating_comment"));
                            row.put("at", PersonalData.time(rs.getTimestamp("rated_at")));
                            return row;
                        })
                        .list());
        result.put(
                "decided",
                jdbc.sql("""
                        select id, title, status, decided_at from advisory_request where decided_by = :a
                        order by decided_at, id
                        """)
                        .param("a", account)
                        .query((rs, n) -> {
                            var row = PersonalData.row();
                            row.put("case", rs.getLong("id"));
                            row.put("title", rs.getString("title"));
                            row.put("status", rs.getString("status"));
                            row.put("at", PersonalData.time(rs.getTimestamp("decided_at")));
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
        jdbc.sql("update advisory_request set requested_by = null where requested_by = :a")
                .param("a", account)
                .update();
        jdbc.sql("update advisory_request set rated_by = null where rated_by = :a")
                .param("a", account)
                .update();
        jdbc.sql("update advisory_request set decided_by = null where decided_by = :a")
                .param("a", account)
                .update();
    }
}
