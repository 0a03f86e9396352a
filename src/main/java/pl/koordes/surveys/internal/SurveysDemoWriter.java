package pl.koordes.surveys.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The inserts behind {@link SurveysDemoData}: a survey, its sections, questions, options and matrix rows, and
 * submitted responses with their answers. Apart from the demo surveys so that those read as what they are
 * (titles, questions, how answers are drawn) and the table shapes live in one place. Not a bean: the demo
 * loader makes one and uses it inside its own transaction.
 */
final class SurveysDemoWriter {

    static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    private final JdbcClient jdbc;
    private final Clock clock;

    SurveysDemoWriter(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long survey(
            String title,
            String description,
            @Nullable Instant opensAt,
            @Nullable Instant closesAt,
            String mode,
            boolean anonymous,
            String visibility,
            boolean allowChanges,
            String roles,
            boolean link) {
        boolean published = opensAt != null;
        Instant now = clock.instant();
        return jdbc.sql("""
                        insert into surveys_survey (title, description, published, opens_at, closes_at, response_mode,
                            anonymous, results_visibility, allow_changes, audience_roles, audience_link, link_token,
                            created_at, updated_at, published_at)
                        values (:title, :description, :published, :opens, :closes, :mode, :anonymous, :visibility,
                            :changes, cast(:roles as text[]), :link, :token, :created, :now, :publishedAt)
                        returning id
                        """)
                .param("title", title)
                .param("description", description)
                .param("published", published)
                .param("opens", opensAt == null ? null : opensAt.atOffset(ZoneOffset.UTC))
                .param("closes", closesAt == null ? null : closesAt.atOffset(ZoneOffset.UTC))
                .param("mode", mode)
                .param("anonymous", anonymous)
                .param("visibility", visibility)
                .param("changes", allowChanges)
                .param("roles", roles)
                .param("link", link)
                .param("token", UUID.randomUUID().toString().replace("-", ""))
                .param("created", (opensAt == null ? now : opensAt.minusSeconds(7 * 86_400)).atOffset(ZoneOffset.UTC))
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param(
                        "publishedAt",
                        opensAt == null ? null : opensAt.minusSeconds(86_400).atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    long section(long survey, int position, String title, String description) {
        return jdbc.sql("""
                        insert into surveys_section (survey_id, position, title, description)
                        values (:survey, :position, :title, :description) returning id
                        """)
                .param("survey", survey)
                .param("position", position)
                .param("title", title)
                .param("description", description)
                .query(Long.class)
                .single();
    }

    long question(
            long survey,
            long section,
            int position,
            String type,
            String text,
            String help,
            boolean required,
            boolean other,
            String minLabel,
            String maxLabel) {
        return jdbc.sql("""
                        insert into surveys_question (survey_id, section_id, position, type, text, help, required,
                            other_option, scale_min_label, scale_max_label)
                        values (:survey, :section, :position, :type, :text, :help, :required, :other, :min, :max)
                        returning id
                        """)
                .param("survey", survey)
                .param("section", section)
                .param("position", position)
                .param("type", type)
                .param("text", text)
                .param("help", help)
                .param("required", required)
                .param("other", other)
                .param("min", minLabel)
                .param("max", maxLabel)
                .query(Long.class)
                .single();
    }

    void condition(long question, long option) {
        jdbc.sql("update surveys_question set condition_option_id = :option where id = :question")
                .param("option", option)
                .param("question", question)
                .update();
    }

    List<Long> options(long question, String... labels) {
        return choices("surveys_option", question, labels);
    }

    List<Long> rows(long question, String... labels) {
        return choices("surveys_matrix_row", question, labels);
    }

    private List<Long> choices(String table, long question, String... labels) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            ids.add(jdbc.sql(
                            "insert into " + table + " (question_id, position, label) values (:q, :p, :l) returning id")
                    .param("q", question)
                    .param("p", i + 1)
                    .param("l", labels[i])
                    .query(Long.class)
                    .single());
        }
        return ids;
    }

    long response(
            long survey,
            @Nullable Long account,
            @Nullable Long institution,
            long region,
            String kind,
            LocalDate day,
            @Nullable Instant submittedAt) {
        Instant created = at(day, 8, 0);
        return jdbc.sql("""
                        insert into surveys_response (survey_id, account_id, institution_id, region_id, institution_kind,
                            status, submitted_on, submitted_at, created_at, updated_at)
                        values (:survey, :account, :institution, :region, :kind, 'SUBMITTED', :day, :at, :created, :created)
                        returning id
                        """)
                .param("survey", survey)
                .param("account", account)
                .param("institution", institution)
                .param("region", region)
                .param("kind", kind)
                .param("day", day)
                .param("at", submittedAt == null ? null : submittedAt.atOffset(ZoneOffset.UTC))
                .param("created", created.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    void choice(long response, long question, long option) {
        jdbc.sql("insert into surveys_answer (response_id, question_id, option_id) values (:r, :q, :o)")
                .param("r", response)
                .param("q", question)
                .param("o", option)
                .update();
    }

    void other(long response, long question, String text) {
        text(response, question, text);
    }

    void text(long response, long question, String text) {
        jdbc.sql("insert into surveys_answer (response_id, question_id, text_value) values (:r, :q, :t)")
                .param("r", response)
                .param("q", question)
                .param("t", text)
                .update();
    }

    void scale(long response, long question, @Nullable Long row, int value) {
        jdbc.sql("""
                        insert into surveys_answer (response_id, question_id, matrix_row_id, scale_value)
                        values (:r, :q, :row, :v)
                        """)
                .param("r", response)
                .param("q", question)
                .param("row", row)
                .param("v", value)
                .update();
    }

    void number(long response, long question, int value) {
        jdbc.sql("insert into surveys_answer (response_id, question_id, number_value) values (:r, :q, :v)")
                .param("r", response)
                .param("q", question)
                .param("v", value)
                .update();
    }

    void date(long response, long question, LocalDate value) {
        jdbc.sql("insert into surveys_answer (response_id, question_id, date_value) values (:r, :q, :v)")
                .param("r", response)
                .param("q", question)
                .param("v", value)
                .update();
    }

    static Instant at(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), WARSAW).toInstant();
    }
}
