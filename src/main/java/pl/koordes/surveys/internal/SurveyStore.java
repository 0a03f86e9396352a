package pl.koordes.surveys.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.directory.InstitutionKind;
import pl.koordes.shared.security.Role;
import pl.koordes.surveys.QuestionType;
import pl.koordes.surveys.ResponseMode;
import pl.koordes.surveys.ResultsVisibility;
import pl.koordes.surveys.internal.SurveyDefinition.Choice;
import pl.koordes.surveys.internal.SurveyDefinition.Question;
import pl.koordes.surveys.internal.SurveyDefinition.Section;

/**
 * Reads one survey: its settings, or its whole definition in a fixed number of statements (four,
 * whatever the number of questions). Lists have their own queries.
 */
@Repository
@Transactional(readOnly = true)
public class SurveyStore {

    private final JdbcClient jdbc;

    SurveyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Survey> find(long id) {
        return jdbc.sql("select * from surveys_survey where id = :id")
                .param("id", id)
                .query(SurveyStore::survey)
                .optional();
    }

    /** The survey locked for a change: concurrent changes of one survey (and its structure) wait for each other. */
    @Transactional
    public Optional<Survey> lock(long id) {
        return jdbc.sql("select * from surveys_survey where id = :id for update")
                .param("id", id)
                .query(SurveyStore::survey)
                .optional();
    }

    /** The survey whose "anyone with the link" token this is; empty for anything else. */
    public Optional<Survey> findByLinkToken(String token) {
        if (!token.matches("[A-Za-z0-9_-]{1,64}")) {
            return Optional.empty();
        }
        return jdbc.sql("select * from surveys_survey where link_token = :token")
                .param("token", token)
                .query(SurveyStore::survey)
                .optional();
    }

    /** The survey with its sections, questions, options and matrix rows in order. */
    public Optional<SurveyDefinition> definition(long id) {
        return find(id).map(this::definition);
    }

    /** The definition of a survey already read (three more statements). */
    public SurveyDefinition definition(Survey survey) {
        Map<Long, List<Choice>> options = new LinkedHashMap<>();
        Map<Long, List<Choice>> rows = new LinkedHashMap<>();
        jdbc.sql("""
                        select 'O' as kind, o.question_id, o.id, o.position, o.label from surveys_option o
                        join surveys_question q on q.id = o.question_id where q.survey_id = :survey
                        union all
                        select 'R', r.question_id, r.id, r.position, r.label from surveys_matrix_row r
                        join surveys_question q on q.id = r.question_id where q.survey_id = :survey
                        order by 2, 4, 3
                        """).param("survey", survey.id()).query(rs -> {
            Map<Long, List<Choice>> target = "O".equals(rs.getString("kind")) ? options : rows;
            target.computeIfAbsent(rs.getLong("question_id"), k -> new ArrayList<>())
                    .add(new Choice(rs.getLong("id"), rs.getInt("position"), rs.getString("label")));
        });
        Map<Long, List<Question>> questions = new LinkedHashMap<>();
        jdbc.sql("select * from surveys_question where survey_id = :survey order by section_id, position, id")
                .param("survey", survey.id())
                .query(rs -> {
                    long questionId = rs.getLong("id");
                    Question question = new Question(
                            questionId,
                            rs.getLong("section_id"),
                            rs.getInt("position"),
                            QuestionType.valueOf(rs.getString("type")),
                            rs.getString("text"),
                            rs.getString("help"),
                            rs.getBoolean("required"),
                            rs.getBoolean("other_option"),
                            rs.getString("scale_min_label"),
                            rs.getString("scale_max_label"),
                            (Long) rs.getObject("condition_option_id"),
                            rs.getInt("row_version"),
                            List.copyOf(options.getOrDefault(questionId, List.of())),
                            List.copyOf(rows.getOrDefault(questionId, List.of())));
                    questions
                            .computeIfAbsent(question.sectionId(), k -> new ArrayList<>())
                            .add(question);
                });
        List<Section> sections = jdbc.sql("""
                        select id, position, title, description from surveys_section
                        where survey_id = :survey order by position, id
                        """)
                .param("survey", survey.id())
                .query((rs, n) -> new Section(
                        rs.getLong("id"),
                        rs.getInt("position"),
                        rs.getString("title"),
                        rs.getString("description"),
                        List.copyOf(questions.getOrDefault(rs.getLong("id"), List.of()))))
                .list();
        return new SurveyDefinition(survey, sections);
    }

    static Survey survey(ResultSet rs, int row) throws SQLException {
        return new Survey(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("description"),
                rs.getBoolean("published"),
                instant(rs, "opens_at"),
                instant(rs, "closes_at"),
                ResponseMode.valueOf(rs.getString("response_mode")),
                rs.getBoolean("anonymous"),
                ResultsVisibility.valueOf(rs.getString("results_visibility")),
                rs.getBoolean("allow_changes"),
                strings(rs.getArray("audience_roles")).stream()
                        .map(Role::valueOf)
                        .toList(),
                longs(rs.getArray("audience_regions")),
                strings(rs.getArray("audience_kinds")).stream()
                        .map(InstitutionKind::valueOf)
                        .toList(),
                rs.getBoolean("audience_link"),
                rs.getString("link_token"),
                (Long) rs.getObject("copied_from_id"),
                rs.getInt("row_version"),
                (Long) rs.getObject("created_by"),
                required(instant(rs, "created_at"), "created_at"),
                required(instant(rs, "updated_at"), "updated_at"),
                instant(rs, "published_at"));
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Instant required(@Nullable Instant value, String column) throws SQLException {
        if (value == null) {
            throw new SQLException(column + " is null");
        }
        return value;
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    private static List<Long> longs(Array array) throws SQLException {
        return Arrays.asList((Long[]) array.getArray());
    }
}
