package pl.koordes.surveys.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.personaldata.PersonalData;
import pl.koordes.shared.web.Paged;
import pl.koordes.surveys.NeedLinkKind;
import pl.koordes.surveys.NeedReference;
import pl.koordes.surveys.NeedStatus;
import pl.koordes.surveys.ResultsVisibility;

/**
 * Reads needs: one need, its links and its source answers (one statement each, whatever their number), the
 * filtered list (a count and a page) with its summary, and the needs an event or advice answers.
 */
@Repository
@Transactional(readOnly = true)
public class NeedStore {

    private final JdbcClient jdbc;

    NeedStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Need> find(long id) {
        return jdbc.sql("select * from surveys_need where id = :id")
                .param("id", id)
                .query(NeedStore::need)
                .optional();
    }

    /** The need locked for a change: concurrent changes of one need wait for each other. */
    @Transactional
    public Optional<Need> lock(long id) {
        return jdbc.sql("select * from surveys_need where id = :id for update")
                .param("id", id)
                .query(NeedStore::need)
                .optional();
    }

    /** What is linked to a need, in the order it was linked. */
    public record Link(
            NeedLinkKind kind,
            long targetId,
            Instant linkedAt,
            @Nullable Instant doneAt) {}

    public List<Link> links(long needId) {
        return jdbc.sql("""
                        select kind, target_id, linked_at, done_at from surveys_need_link
                        where need_id = :need order by linked_at, kind, target_id
                        """).param("need", needId).query(NeedStore::link).list();
    }

    /** The links of every need not marked answered by hand that has any: what the status job looks at. */
    public Map<Long, List<Link>> linksOfUnmarked() {
        Map<Long, List<Link>> links = new LinkedHashMap<>();
        jdbc.sql("""
                        select l.need_id, l.kind, l.target_id, l.linked_at, l.done_at from surveys_need_link l
                        join surveys_need n on n.id = l.need_id
                        where not n.answered_marked order by l.need_id, l.linked_at
                        """).query(rs -> {
            links.computeIfAbsent(rs.getLong("need_id"), k -> new ArrayList<>()).add(link(rs, 0));
        });
        return links;
    }

    /**
     * An answer a need was recognised in: the question, the values given, and where it came from.
     *
     * @param regionId the region the answer counts for
     * @param institution the institution that answered (surveys answered per institution), else null
     * @param values the values given, as read (option labels, texts, numbers, dates, "row: value")
     */
    public record Source(
            long surveyId,
            String surveyTitle,
            boolean anonymous,
            boolean published,
            ResultsVisibility visibility,
            long responseId,
            long questionId,
            String question,
            @Nullable Long regionId,
            @Nullable String institution,
            @Nullable LocalDate submittedOn,
            List<String> values) {

        /** The values as one quotation. */
        public String text() {
            return String.join("; ", values);
        }
    }

    /** The answers a need was recognised in, each with its values; one statement. */
    public List<Source> sources(long needId) {
        return sources("surveys_need_source s", "s.need_id = :need", Map.of("need", needId));
    }

    /** One submitted answer to one question, as a need would quote it; empty when there is none. */
    public Optional<Source> answer(long surveyId, long responseId, long questionId) {
        return sources(
                        "(select cast(:response as bigint) as response_id, cast(:question as bigint) as question_id) s",
                        "r.status = 'SUBMITTED' and sv.id = :survey",
                        Map.of("response", responseId, "question", questionId, "survey", surveyId))
                .stream()
                .findFirst();
    }

    private List<Source> sources(String from, String where, Map<String, Object> params) {
        Map<String, Source> sources = new LinkedHashMap<>();
        jdbc.sql("""
                        select s.response_id, s.question_id, q.text as question, r.region_id, r.submitted_on,
                               sv.id as survey_id, sv.title, sv.anonymous, sv.published, sv.results_visibility,
                               i.name as institution, a.text_value, a.number_value, a.date_value, a.scale_value,
                               o.label as option_label, m.label as row_label
                        from\s""" + from + """

                        join surveys_response r on r.id = s.response_id
                        join surveys_question q on q.id = s.question_id and q.survey_id = r.survey_id
                        join surveys_survey sv on sv.id = q.survey_id
                        left join institution i on i.id = r.institution_id
                        left join surveys_answer a on a.response_id = s.response_id and a.question_id = s.question_id
                        left join surveys_option o on o.id = a.option_id
                        left join surveys_matrix_row m on m.id = a.matrix_row_id
                        where\s""" + where + """

                        order by sv.id, q.id, r.region_id nulls last, s.response_id, o.position nulls last, m.position, a.id
                        """).params(params).query(rs -> {
            String key = rs.getLong("response_id") + ":" + rs.getLong("question_id");
            Source source = sources.computeIfAbsent(key, k -> source(rs));
            String value = value(rs);
            if (value != null) {
                source.values().add(value);
            }
        });
        return sources.values().stream()
                .map(s -> new Source(
                        s.surveyId(),
                        s.surveyTitle(),
                        s.anonymous(),
                        s.published(),
                        s.visibility(),
                        s.responseId(),
                        s.questionId(),
                        s.question(),
                        s.regionId(),
                        s.institution(),
                        s.submittedOn(),
                        List.copyOf(s.values())))
                .toList();
    }

    private static Source source(ResultSet rs) {
        try {
            return new Source(
                    rs.getLong("survey_id"),
                    rs.getString("title"),
                    rs.getBoolean("anonymous"),
                    rs.getBoolean("published"),
                    ResultsVisibility.valueOf(rs.getString("results_visibility")),
                    rs.getLong("response_id"),
                    rs.getLong("question_id"),
                    rs.getString("question"),
                    (Long) rs.getObject("region_id"),
                    rs.getString("institution"),
                    rs.getObject("submitted_on", LocalDate.class),
                    new ArrayList<>());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One answer row as read: the label chosen, the text, number, date or scale value (a matrix row names its row). */
    private static @Nullable String value(ResultSet rs) throws SQLException {
        String option = rs.getString("option_label");
        String text = rs.getString("text_value");
        if (option != null) {
            return option;
        }
        if (text != null) {
            return text;
        }
        BigDecimal number = rs.getBigDecimal("number_value");
        if (number != null) {
            return number.stripTrailingZeros().toPlainString();
        }
        LocalDate date = rs.getObject("date_value", LocalDate.class);
        if (date != null) {
            return Formats.date(date);
        }
        Object scale = rs.getObject("scale_value");
        if (scale != null) {
            String row = rs.getString("row_label");
            return row == null ? scale + "/5" : row + ": " + scale + "/5";
        }
        return null;
    }

    /** One line of the list. */
    public record Row(
            long id,
            String topic,
            @Nullable Long regionId,
            NeedStatus status,
            @Nullable Long surveyId,
            @Nullable String surveyTitle,
            int links,
            int sources,
            Instant createdAt,
            @Nullable Instant answeredAt) {

        public String href() {
            return NeedReference.path(id);
        }
    }

    /** A page of the list, newest first: a count and the page, two statements. */
    public Paged<Row> page(NeedFilter filter, int requested, int size) {
        Where where = where(filter);
        long total = jdbc.sql("select count(*) from surveys_need n where " + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
        int number = Paged.within(requested, total, size);
        List<Row> rows = jdbc.sql(
                        """
                        select n.id, n.topic, n.region_id, n.status, n.survey_id, sv.title as survey_title, n.created_at,
                               n.answered_at,
                               (select count(*) from surveys_need_link l where l.need_id = n.id) as links,
                               (select count(*) from surveys_need_source s where s.need_id = n.id) as sources
                        from surveys_need n left join surveys_survey sv on sv.id = n.survey_id
                        where\s""" + where.sql() + " order by n.created_at desc, n.id desc limit :limit offset :offset")
                .params(where.params())
                .param("limit", size)
                .param("offset", Paged.offset(number, size))
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getString("topic"),
                        (Long) rs.getObject("region_id"),
                        NeedStatus.valueOf(rs.getString("status")),
                        (Long) rs.getObject("survey_id"),
                        rs.getString("survey_title"),
                        rs.getInt("links"),
                        rs.getInt("sources"),
                        Objects.requireNonNull(SurveyStore.instant(rs, "created_at")),
                        SurveyStore.instant(rs, "answered_at")))
                .list();
        return new Paged<>(rows, number, size, total);
    }

    /**
     * "Zebrano 37 potrzeb, 29 zaspokojono dzięki 11 wydarzeniom i 8 poradom".
     *
     * @param events distinct events linked to the answered needs
     * @param advice distinct advice sessions linked to the answered needs
     */
    public record Summary(long collected, long answered, long events, long advice) {}

    /** The figures of the needs the filter chooses (whatever their status); one statement. */
    public Summary summary(NeedFilter filter) {
        Where where = where(filter.anyStatus());
        return jdbc.sql("with chosen as (select n.id, n.status from surveys_need n where " + where.sql() + """
                        )
                        select (select count(*) from chosen) as collected,
                               (select count(*) from chosen where status = 'ANSWERED') as answered,
                               (select count(distinct l.target_id) from surveys_need_link l join chosen c on c.id = l.need_id
                                where c.status = 'ANSWERED' and l.kind = 'EVENT') as events,
                               (select count(distinct l.target_id) from surveys_need_link l join chosen c on c.id = l.need_id
                                where c.status = 'ANSWERED' and l.kind = 'ADVICE') as advice
                        """)
                .params(where.params())
                .query((rs, n) -> new Summary(
                        rs.getLong("collected"), rs.getLong("answered"), rs.getLong("events"), rs.getLong("advice")))
                .single();
    }

    private record Where(String sql, Map<String, Object> params) {}

    private static Where where(NeedFilter filter) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        clauses.add("true");
        if (filter.status() != null) {
            clauses.add("n.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.national()) {
            clauses.add("n.region_id is null");
        } else if (filter.regionId() != null) {
            clauses.add("n.region_id = :region");
            params.put("region", filter.regionId());
        }
        if (filter.topic() != null && !filter.topic().isBlank()) {
            clauses.add("n.topic ilike :topic escape '\\'");
            params.put("topic", PersonalData.anywhere(filter.topic().strip()));
        }
        if (filter.surveyId() != null) {
            clauses.add("n.survey_id = :survey");
            params.put("survey", filter.surveyId());
        }
        return new Where(String.join(" and ", clauses), params);
    }

    /** The topics used so far, for the form's suggestions; one statement. */
    public List<String> topics() {
        return jdbc.sql("select distinct topic from surveys_need order by topic limit 300")
                .query(String.class)
                .list();
    }

    /** A survey that needs were recognised in, for the list's filter. */
    public record SurveyChoice(long id, String title) {}

    public List<SurveyChoice> surveysWithNeeds() {
        return jdbc.sql("""
                        select s.id, s.title from surveys_survey s
                        where exists (select 1 from surveys_need n where n.survey_id = s.id)
                        order by s.created_at desc, s.id desc
                        """)
                .query((rs, n) -> new SurveyChoice(rs.getLong("id"), rs.getString("title")))
                .list();
    }

    /** The needs this event or advice answers, by topic; one statement. */
    public List<NeedReference> answeredBy(NeedLinkKind kind, long targetId) {
        return jdbc.sql("""
                        select n.id, n.topic, n.region_id, n.status from surveys_need n
                        join surveys_need_link l on l.need_id = n.id
                        where l.kind = :kind and l.target_id = :target order by n.topic, n.id
                        """)
                .param("kind", kind.name())
                .param("target", targetId)
                .query((rs, n) -> new NeedReference(
                        rs.getLong("id"),
                        rs.getString("topic"),
                        (Long) rs.getObject("region_id"),
                        NeedStatus.valueOf(rs.getString("status")),
                        NeedReference.path(rs.getLong("id"))))
                .list();
    }

    /** A submitted answer's origin, for the new-need form: the survey, the region, the institution. */
    public record Answer(
            long responseId,
            long surveyId,
            @Nullable Long regionId,
            @Nullable String institution,
            @Nullable LocalDate submittedOn) {}

    /** A submitted answer of this survey, or empty (drafts never count). */
    public Optional<Answer> submittedAnswer(long surveyId, long responseId) {
        return jdbc.sql("""
                        select r.id, r.survey_id, r.region_id, i.name as institution, r.submitted_on from surveys_response r
                        left join institution i on i.id = r.institution_id
                        where r.id = :response and r.survey_id = :survey and r.status = 'SUBMITTED'
                        """)
                .param("response", responseId)
                .param("survey", surveyId)
                .query((rs, n) -> new Answer(
                        rs.getLong("id"),
                        rs.getLong("survey_id"),
                        (Long) rs.getObject("region_id"),
                        rs.getString("institution"),
                        rs.getObject("submitted_on", LocalDate.class)))
                .optional();
    }

    static Need need(ResultSet rs, int row) throws SQLException {
        return new Need(
                rs.getLong("id"),
                (Long) rs.getObject("survey_id"),
                rs.getString("topic"),
                (Long) rs.getObject("region_id"),
                rs.getString("description"),
                NeedStatus.valueOf(rs.getString("status")),
                rs.getInt("row_version"),
                (Long) rs.getObject("created_by"),
                Objects.requireNonNull(SurveyStore.instant(rs, "created_at")),
                Objects.requireNonNull(SurveyStore.instant(rs, "updated_at")),
                SurveyStore.instant(rs, "answered_at"),
                rs.getBoolean("answered_marked"));
    }

    private static Link link(ResultSet rs, int row) throws SQLException {
        return new Link(
                NeedLinkKind.valueOf(rs.getString("kind")),
                rs.getLong("target_id"),
                Objects.requireNonNull(SurveyStore.instant(rs, "linked_at")),
                SurveyStore.instant(rs, "done_at"));
    }

    /** Whether the question belongs to the survey. */
    boolean questionOf(long surveyId, long questionId) {
        return jdbc.sql("select count(*) from surveys_question where id = :question and survey_id = :survey")
                        .param("question", questionId)
                        .param("survey", surveyId)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
