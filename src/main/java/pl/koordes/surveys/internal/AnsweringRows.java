package pl.koordes.surveys.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import pl.koordes.directory.InstitutionKind;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.security.SecureRandoms;
import pl.koordes.surveys.internal.AnswerSheet.AnswerRow;

/** The SQL of answering: a respondent's response, its answers, and participation in anonymous surveys. */
@Repository
public class AnsweringRows {

    /**
     * Ids of anonymous answers are drawn at random far above what the sequences will reach, so that the order
     * of the rows cannot be matched with the order of the audit lines or of participation.
     */
    private static final long RANDOM_FLOOR = 1L << 52;

    private final JdbcClient jdbc;
    private final SecureRandom random = SecureRandoms.perThread();

    AnsweringRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored response (a draft or a submitted answer). */
    public record Response(
            long id,
            long surveyId,
            @Nullable Long accountId,
            @Nullable Long institutionId,
            @Nullable Long regionId,
            @Nullable InstitutionKind kind,
            boolean submitted,
            @Nullable LocalDate submittedOn,
            @Nullable Instant submittedAt,
            Instant updatedAt,
            int rowVersion) {

        /** When it was last saved, as people read it (31.08.2017 14:30). */
        public String savedAt() {
            return Formats.dateTime(updatedAt);
        }
    }

    /** The respondent's own response: their institution's in a survey answered per institution. */
    public Optional<Response> own(long surveyId, Respondent respondent) {
        if (respondent.institutionId() != null) {
            return jdbc.sql("select * from surveys_response where survey_id = :s and institution_id = :i")
                    .param("s", surveyId)
                    .param("i", respondent.institutionId())
                    .query(AnsweringRows::response)
                    .optional();
        }
        return jdbc.sql("""
                        select * from surveys_response where survey_id = :s and account_id = :a
                        and institution_id is null""")
                .param("s", surveyId)
                .param("a", respondent.accountId())
                .query(AnsweringRows::response)
                .optional();
    }

    /** Responses of these surveys that are the person's or one of these institutions'. */
    public List<Response> ownOf(Collection<Long> surveys, long accountId, Collection<Long> institutions) {
        if (surveys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select * from surveys_response where survey_id in (:s)
                        and ((account_id = :a and institution_id is null) or institution_id in (:i))""")
                .param("s", surveys)
                .param("a", accountId)
                .param("i", institutions.isEmpty() ? List.of(-1L) : institutions)
                .query(AnsweringRows::response)
                .list();
    }

    /** The anonymous surveys the person took part in. */
    public List<Long> participated(long accountId) {
        return jdbc.sql("select survey_id from surveys_participation where account_id = :a")
                .param("a", accountId)
                .query(Long.class)
                .list();
    }

    public boolean participated(long surveyId, long accountId) {
        return jdbc.sql("select exists (select 1 from surveys_participation where survey_id = :s and account_id = :a)")
                .param("s", surveyId)
                .param("a", accountId)
                .query(Boolean.class)
                .single();
    }

    /** Records that the person took part; false when they had already. */
    public boolean participate(long surveyId, long accountId) {
        return jdbc.sql("""
                        insert into surveys_participation (survey_id, account_id) values (:s, :a)
                        on conflict do nothing""").param("s", surveyId).param("a", accountId).update() == 1;
    }

    public List<AnswerRow> answers(long responseId) {
        return jdbc.sql("select * from surveys_answer where response_id = :r order by question_id, id")
                .param("r", responseId)
                .query((rs, n) -> new AnswerRow(
                        rs.getLong("question_id"),
                        (Long) rs.getObject("option_id"),
                        (Long) rs.getObject("matrix_row_id"),
                        rs.getObject("scale_value") == null ? null : rs.getInt("scale_value"),
                        rs.getString("text_value"),
                        rs.getBigDecimal("number_value"),
                        rs.getObject("date_value", LocalDate.class)))
                .list();
    }

    /** A new response of a respondent; its id. */
    public long insert(
            long surveyId,
            Respondent respondent,
            @Nullable Long regionId,
            @Nullable InstitutionKind kind,
            boolean submitted,
            Instant now) {
        return jdbc.sql("""
                        insert into surveys_response (survey_id, account_id, institution_id, region_id, institution_kind,
                            status, submitted_on, submitted_at, created_at, updated_at)
                        values (:s, :a, :i, :r, :k, :status, :on, :at, :now, :now) returning id""")
                .param("s", surveyId)
                .param("a", respondent.accountId())
                .param("i", respondent.institutionId())
                .param("r", regionId)
                .param("k", kind == null ? null : kind.name())
                .param("status", submitted ? "SUBMITTED" : "DRAFT")
                .param("on", submitted ? LocalDate.ofInstant(now, Formats.ZONE) : null)
                .param("at", submitted ? Timestamp.from(now) : null)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    /** Saves over a response read at {@code version}; false when someone saved it since. */
    public boolean update(
            long responseId,
            int version,
            long accountId,
            @Nullable Long regionId,
            @Nullable InstitutionKind kind,
            boolean submitted,
            Instant now) {
        return jdbc.sql("""
                        update surveys_response set account_id = :a, region_id = :r, institution_kind = :k,
                            status = :status,
                            submitted_on = case when :submitted then coalesce(submitted_on, :on) else null end,
                            submitted_at = case when :submitted then coalesce(submitted_at, :at) else null end,
                            updated_at = :now, row_version = row_version + 1
                        where id = :id and row_version = :v""")
                        .param("a", accountId)
                        .param("r", regionId)
                        .param("k", kind == null ? null : kind.name())
                        .param("status", submitted ? "SUBMITTED" : "DRAFT")
                        .param("submitted", submitted)
                        .param("on", LocalDate.ofInstant(now, Formats.ZONE))
                        .param("at", Timestamp.from(now))
                        .param("now", Timestamp.from(now))
                        .param("id", responseId)
                        .param("v", version)
                        .update()
                == 1;
    }

    /**
     * A submitted anonymous answer: no account, no time but the day, a random id. Its answers follow with
     * {@link #replaceAnswers} (random ids too).
     */
    public long insertAnonymous(
            long surveyId,
            @Nullable Long institutionId,
            @Nullable Long regionId,
            @Nullable InstitutionKind kind,
            LocalDate day) {
        long id = randomId();
        Timestamp midnight = Timestamp.from(day.atStartOfDay(Formats.ZONE).toInstant());
        jdbc.sql("""
                        insert into surveys_response (id, survey_id, account_id, institution_id, region_id, institution_kind,
                            status, submitted_on, submitted_at, created_at, updated_at)
                        values (:id, :s, null, :i, :r, :k, 'SUBMITTED', :on, null, :t, :t)""")
                .param("id", id)
                .param("s", surveyId)
                .param("i", institutionId)
                .param("r", regionId)
                .param("k", kind == null ? null : kind.name())
                .param("on", day)
                .param("t", midnight)
                .update();
        return id;
    }

    public void delete(long responseId) {
        jdbc.sql("delete from surveys_response where id = :id")
                .param("id", responseId)
                .update();
    }

    /** The response's answers become these rows. */
    public void replaceAnswers(long responseId, List<AnswerRow> rows, boolean randomIds) {
        jdbc.sql("delete from surveys_answer where response_id = :r")
                .param("r", responseId)
                .update();
        for (AnswerRow row : rows) {
            jdbc.sql("""
                            insert into surveys_answer (id, response_id, question_id, option_id, matrix_row_id, scale_value,
                                text_value, number_value, date_value)
                            values (coalesce(:id, nextval(pg_get_serial_sequence('surveys_answer', 'id'))), :r, :q, :o, :m,
                                :sv, :tv, :nv, :dv)""")
                    .param("id", randomIds ? randomId() : null, Types.BIGINT)
                    .param("r", responseId)
                    .param("q", row.questionId())
                    .param("o", row.optionId(), Types.BIGINT)
                    .param("m", row.matrixRowId(), Types.BIGINT)
                    .param("sv", row.scaleValue(), Types.SMALLINT)
                    .param("tv", row.textValue(), Types.VARCHAR)
                    .param("nv", row.numberValue(), Types.NUMERIC)
                    .param("dv", row.dateValue(), Types.DATE)
                    .update();
        }
    }

    private long randomId() {
        return RANDOM_FLOOR + (random.nextLong() & ((1L << 61) - 1));
    }

    static Response response(ResultSet rs, int n) throws SQLException {
        String kind = rs.getString("institution_kind");
        Instant updated = SurveyStore.instant(rs, "updated_at");
        return new Response(
                rs.getLong("id"),
                rs.getLong("survey_id"),
                (Long) rs.getObject("account_id"),
                (Long) rs.getObject("institution_id"),
                (Long) rs.getObject("region_id"),
                kind == null ? null : InstitutionKind.valueOf(kind),
                "SUBMITTED".equals(rs.getString("status")),
                rs.getObject("submitted_on", LocalDate.class),
                SurveyStore.instant(rs, "submitted_at"),
                updated == null ? Instant.EPOCH : updated,
                rs.getInt("row_version"));
    }
}
