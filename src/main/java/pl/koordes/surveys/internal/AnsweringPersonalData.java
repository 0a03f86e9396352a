package pl.koordes.surveys.internal;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.shared.personaldata.PersonalData;

/**
 * A person's survey answers and participation. The download lists each response stored with their account
 * (drafts and non-anonymous answers, with every value) and the anonymous surveys they took part in (which
 * answer is theirs is not known to anyone). Erasure keeps the answers for the statistics without the person
 * (account_id set null) and deletes the participation rows.
 */
@Component
class AnsweringPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    AnsweringPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "surveyAnswers";
    }

    @Override
    public Object export(Person person) {
        Map<String, @Nullable Object> result = PersonalData.row();
        if (person.accountId() == null) {
            result.put("responses", List.of());
            result.put("participation", List.of());
            return result;
        }
        Map<Long, Map<String, @Nullable Object>> responses = new LinkedHashMap<>();
        jdbc.sql("""
                        select r.id, s.title, r.status, r.submitted_on, r.updated_at, q.text as question,
                            o.label as option_label, m.label as row_label, a.scale_value, a.text_value, a.number_value,
                            a.date_value
                        from surveys_response r join surveys_survey s on s.id = r.survey_id
                        left join surveys_answer a on a.response_id = r.id
                        left join surveys_question q on q.id = a.question_id
                        left join surveys_option o on o.id = a.option_id
                        left join surveys_matrix_row m on m.id = a.matrix_row_id
                        where r.account_id = :a order by r.id, q.section_id, q.position, a.id""").param("a", person.accountId()).query(rs -> {
            Map<String, @Nullable Object> response = responses.computeIfAbsent(rs.getLong("id"), id -> {
                Map<String, @Nullable Object> row = PersonalData.row();
                try {
                    row.put("survey", rs.getString("title"));
                    row.put("status", rs.getString("status"));
                    LocalDate on = rs.getObject("submitted_on", LocalDate.class);
                    row.put("submittedOn", on == null ? null : on.toString());
                    row.put("savedAt", rs.getTimestamp("updated_at").toInstant().toString());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                row.put("answers", new ArrayList<Map<String, @Nullable Object>>());
                return row;
            });
            if (rs.getString("question") != null) {
                Map<String, @Nullable Object> answer = PersonalData.row();
                answer.put("question", rs.getString("question"));
                answer.put("option", rs.getString("option_label"));
                answer.put("row", rs.getString("row_label"));
                answer.put("scale", rs.getObject("scale_value"));
                answer.put("text", rs.getString("text_value"));
                answer.put(
                        "number",
                        rs.getBigDecimal("number_value") == null
                                ? null
                                : rs.getBigDecimal("number_value").toPlainString());
                LocalDate date = rs.getObject("date_value", LocalDate.class);
                answer.put("date", date == null ? null : date.toString());
                @SuppressWarnings("unchecked")
                List<Map<String, @Nullable Object>> answers =
                        (List<Map<String, @Nullable Object>>) response.get("answers");
                if (answers != null) {
                    answers.add(answer);
                }
            }
        });
        result.put("responses", List.copyOf(responses.values()));
        result.put(
                "participation",
                jdbc.sql("""
                                select s.title from surveys_participation p join surveys_survey s on s.id = p.survey_id
                                where p.account_id = :a order by s.title""").param("a", person.accountId()).query(String.class).list());
        return result;
    }

    @Override
    public void erase(Person person) {
        if (person.accountId() == null) {
            return;
        }
        // Drafts are the person's unfinished work: nobody counts them, so they go; answers stay for the statistics.
        jdbc.sql("delete from surveys_response where account_id = :a and status = 'DRAFT' and institution_id is null")
                .param("a", person.accountId())
                .update();
        jdbc.sql("update surveys_response set account_id = null where account_id = :a")
                .param("a", person.accountId())
                .update();
        jdbc.sql("delete from surveys_participation where account_id = :a")
                .param("a", person.accountId())
                .update();
    }
}
