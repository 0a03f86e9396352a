package pl.koordes.surveys.internal;

import java.sql.Timestamp;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.shared.personaldata.PersonalData;

/**
 * What building surveys keeps about a person: the surveys they created ({@code surveys_survey.created_by}).
 * Erasure keeps the surveys, which are the programme's, without the person (the column becomes empty).
 * Answers, participation and needs have their own beans.
 */
@Component
class BuilderPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    BuilderPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "surveysCreated";
    }

    @Override
    public Object export(Person person) {
        Long account = person.accountId();
        if (account == null) {
            return Map.of();
        }
        var result = PersonalData.row();
        result.put(
                "created",
                jdbc.sql(
                                "select id, title, created_at from surveys_survey where created_by = :a order by created_at, id")
                        .param("a", account)
                        .query((rs, n) -> {
                            var row = PersonalData.row();
                            row.put("survey", rs.getLong("id"));
                            row.put("title", rs.getString("title"));
                            Timestamp at = rs.getTimestamp("created_at");
                            row.put("at", at == null ? null : at.toInstant().toString());
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
        jdbc.sql("update surveys_survey set created_by = null where created_by = :a")
                .param("a", account)
                .update();
    }
}
