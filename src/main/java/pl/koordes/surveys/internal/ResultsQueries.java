package pl.koordes.surveys.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counts behind a survey's results, aggregated in PostgreSQL: a fixed number of statements whatever the
 * number of answers or questions (GROUP BY question, option, matrix row and scale value over the answers of
 * submitted responses, with the filters). Only SUBMITTED responses count anywhere here; drafts never do.
 * The response per region and whether someone answered are {@link ResultsRates}; the list of typed answers is
 * {@link ResultsTexts} (kept apart so that each reads on its own).
 */
@Repository
@Transactional(readOnly = true)
public class ResultsQueries {

    /** How many free-text answers a question shows on the results page before the link to all of them. */
    public static final int SAMPLES = 3;

    private static final String RESPONSES =
            "with r as (select r.id, r.region_id, r.institution_kind from surveys_response r where "
                    + ResultsFilter.CONDITION + ")\n";

    private final JdbcClient jdbc;

    ResultsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The figures of one question over the submitted answers that answered it.
     *
     * @param respondents how many answers have it answered (one or more rows)
     * @param texts how many typed texts it has: the answers of a text question, the "inna (jaka?)" of a choice
     * @param scaleMean the mean of a scale question
     * @param numbers how many numbers a number question has, with their mean, median, lowest and highest
     * @param dates how many dates a date question has, with the earliest and latest
     */
    public record Figures(
            long respondents,
            long texts,
            @Nullable BigDecimal scaleMean,
            long numbers,
            @Nullable BigDecimal mean,
            @Nullable BigDecimal median,
            @Nullable BigDecimal min,
            @Nullable BigDecimal max,
            long dates,
            @Nullable LocalDate earliest,
            @Nullable LocalDate latest) {

        static final Figures NONE = new Figures(0, 0, null, 0, null, null, null, null, 0, null, null);
    }

    /** A typed answer: a text question's, or the "inna (jaka?)" of a choice question. */
    public record TextAnswer(
            long responseId,
            long questionId,
            String text,
            @Nullable Long regionId,
            @Nullable String kind) {}

    /**
     * Everything the results page counts.
     *
     * @param answers submitted answers within the filter
     * @param first the day of the first of them, or null when there are none
     * @param options how many chose each option (option id → count)
     * @param scales per scale question, how many gave each value 1..5
     * @param rows per matrix row, how many gave each value 1..5
     * @param months per date question, how many dates fall in each month
     * @param samples per question, the first {@value #SAMPLES} typed texts
     */
    public record Results(
            long answers,
            @Nullable LocalDate first,
            @Nullable LocalDate last,
            Map<Long, Figures> figures,
            Map<Long, Long> options,
            Map<Long, Map<Integer, Long>> scales,
            Map<Long, Map<Integer, Long>> rows,
            Map<Long, Map<YearMonth, Long>> months,
            Map<Long, List<TextAnswer>> samples) {

        public Figures figures(long questionId) {
            return figures.getOrDefault(questionId, Figures.NONE);
        }

        public long option(long optionId) {
            return options.getOrDefault(optionId, 0L);
        }

        public Map<Integer, Long> scale(long questionId) {
            return scales.getOrDefault(questionId, Map.of());
        }

        public Map<Integer, Long> row(long rowId) {
            return rows.getOrDefault(rowId, Map.of());
        }

        public Map<YearMonth, Long> months(long questionId) {
            return months.getOrDefault(questionId, Map.of());
        }

        public List<TextAnswer> samples(long questionId) {
            return samples.getOrDefault(questionId, List.of());
        }
    }

    /**
     * The version of a survey's submitted answers: changes whenever one is submitted, changed or removed (their
     * number, highest id, latest change and row versions). One statement over the survey's responses only.
     */
    public String version(long surveyId) {
        return jdbc.sql("""
                        select count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(sum(row_version), 0) || ':'
                               || coalesce(cast(max(updated_at) as text), '')
                        from surveys_response where survey_id = :survey and status = 'SUBMITTED'
                        """).param("survey", surveyId).query(String.class).single();
    }

    /** The results of a survey within the filter: four statements whatever the answers and questions. */
    public Results results(long surveyId, ResultsFilter filter) {
        long[] answers = {0};
        LocalDate[] span = new LocalDate[2];
        jdbc.sql("select count(*), min(r.submitted_on), max(r.submitted_on) from surveys_response r where "
                        + ResultsFilter.CONDITION)
                .param("survey", surveyId)
                .param("region", filter.regionId())
                .param("kind", filter.kindName())
                .query(rs -> {
                    answers[0] = rs.getLong(1);
                    span[0] = date(rs, 2);
                    span[1] = date(rs, 3);
                });

        Map<Long, Figures> figures = new HashMap<>();
        jdbc.sql(RESPONSES + """
                        select a.question_id,
                               count(distinct a.response_id) as respondents,
                               count(*) filter (where a.option_id is null and a.text_value is not null) as texts,
                               avg(a.scale_value) filter (where a.matrix_row_id is null) as scale_mean,
                               count(a.number_value) as numbers,
                               avg(a.number_value) as mean,
                               percentile_cont(0.5) within group (order by a.number_value) as median,
                               min(a.number_value) as min, max(a.number_value) as max,
                               count(a.date_value) as dates, min(a.date_value) as earliest, max(a.date_value) as latest
                        from surveys_answer a join r on r.id = a.response_id
                            and a.question_id in (select id from surveys_question where survey_id = :survey)
                        group by a.question_id
                        """)
                .param("survey", surveyId)
                .param("region", filter.regionId())
                .param("kind", filter.kindName())
                .query(rs -> {
                    figures.put(
                            rs.getLong("question_id"),
                            new Figures(
                                    rs.getLong("respondents"),
                                    rs.getLong("texts"),
                                    rs.getBigDecimal("scale_mean"),
                                    rs.getLong("numbers"),
                                    rs.getBigDecimal("mean"),
                                    rs.getBigDecimal("median"),
                                    rs.getBigDecimal("min"),
                                    rs.getBigDecimal("max"),
                                    rs.getLong("dates"),
                                    date(rs, "earliest"),
                                    date(rs, "latest")));
                });

        Map<Long, Long> options = new HashMap<>();
        Map<Long, Map<Integer, Long>> scales = new HashMap<>();
        Map<Long, Map<Integer, Long>> rows = new HashMap<>();
        Map<Long, Map<YearMonth, Long>> months = new HashMap<>();
        jdbc.sql(RESPONSES + """
                        select a.question_id, a.option_id, a.matrix_row_id, a.scale_value, null::date as month, count(*) as n
                        from surveys_answer a join r on r.id = a.response_id
                            and a.question_id in (select id from surveys_question where survey_id = :survey)
                        where a.option_id is not null or a.scale_value is not null
                        group by a.question_id, a.option_id, a.matrix_row_id, a.scale_value
                        union all
                        select a.question_id, null, null, null, cast(date_trunc('month', a.date_value) as date), count(*)
                        from surveys_answer a join r on r.id = a.response_id
                            and a.question_id in (select id from surveys_question where survey_id = :survey)
                        where a.date_value is not null
                        group by a.question_id, date_trunc('month', a.date_value)
                        """)
                .param("survey", surveyId)
                .param("region", filter.regionId())
                .param("kind", filter.kindName())
                .query(rs -> {
                    long question = rs.getLong("question_id");
                    long n = rs.getLong("n");
                    Long option = (Long) rs.getObject("option_id");
                    Long row = (Long) rs.getObject("matrix_row_id");
                    Integer value = rs.getObject("scale_value") == null ? null : rs.getInt("scale_value");
                    LocalDate month = date(rs, "month");
                    if (option != null) {
                        options.merge(option, n, Long::sum);
                    } else if (row != null && value != null) {
                        rows.computeIfAbsent(row, k -> new TreeMap<>()).merge(value, n, Long::sum);
                    } else if (value != null) {
                        scales.computeIfAbsent(question, k -> new TreeMap<>()).merge(value, n, Long::sum);
                    } else if (month != null) {
                        months.computeIfAbsent(question, k -> new TreeMap<>()).put(YearMonth.from(month), n);
                    }
                });

        Map<Long, List<TextAnswer>> samples = new LinkedHashMap<>();
        jdbc.sql(RESPONSES + """
                        , t as (
                            select a.question_id, a.response_id, a.text_value, r.region_id, r.institution_kind,
                                   row_number() over (partition by a.question_id order by a.response_id, a.id) as n
                            from surveys_answer a join r on r.id = a.response_id
                            and a.question_id in (select id from surveys_question where survey_id = :survey)
                            where a.option_id is null and a.text_value is not null)
                        select question_id, response_id, text_value, region_id, institution_kind from t
                        where n <= :samples order by question_id, n
                        """)
                .param("survey", surveyId)
                .param("region", filter.regionId())
                .param("kind", filter.kindName())
                .param("samples", SAMPLES)
                .query(rs -> {
                    TextAnswer text = text(rs);
                    samples.computeIfAbsent(text.questionId(), k -> new ArrayList<>())
                            .add(text);
                });
        return new Results(answers[0], span[0], span[1], figures, options, scales, rows, months, samples);
    }

    /**
     * The shares per region or per kind of institution for the choice and scale questions.
     *
     * @param counts how many in each group chose each option (key: question, option or scale value, group;
     *     an "inna (jaka?)" answer has neither option nor value)
     * @param respondents how many in each group answered each question
     */
    public record Comparison(Map<Cell, Long> counts, Map<Long, Map<String, Long>> respondents) {

        public long count(long questionId, @Nullable Long optionId, @Nullable Integer value, String group) {
            return counts.getOrDefault(new Cell(questionId, optionId, value, group), 0L);
        }

        public Map<String, Long> respondents(long questionId) {
            return respondents.getOrDefault(questionId, Map.of());
        }
    }

    /** One cell of a comparison: a question's option (or scale value, or neither for "inna") in a group. */
    public record Cell(
            long questionId,
            @Nullable Long optionId,
            @Nullable Integer value,
            String group) {}

    /** How the comparison groups the answers. */
    public enum Grouping {
        /** By region: the group is the region's id. */
        REGIONS("cast(r.region_id as text)"),
        /** By kind of institution: the group is the kind's name. */
        KINDS("r.institution_kind");

        private final String column;

        Grouping(String column) {
            this.column = column;
        }
    }

    /** The comparison: one statement, GROUP BY GROUPING SETS for the counts and the respondents per group. */
    public Comparison comparison(long surveyId, ResultsFilter filter, Grouping grouping) {
        Map<Cell, Long> counts = new HashMap<>();
        Map<Long, Map<String, Long>> respondents = new HashMap<>();
        jdbc.sql(RESPONSES.replace("r.institution_kind from", "r.institution_kind, " + grouping.column + " as grp from")
                        + """
                        select a.question_id, a.option_id, a.scale_value, r.grp, count(*) as n,
                               count(distinct a.response_id) as respondents,
                               grouping(a.option_id, a.scale_value) as total
                        from surveys_answer a join r on r.id = a.response_id
                            and a.question_id in (select id from surveys_question where survey_id = :survey)
                        join surveys_question q on q.id = a.question_id
                        where q.type in ('SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'SCALE') and r.grp is not null
                        group by grouping sets ((a.question_id, r.grp), (a.question_id, r.grp, a.option_id, a.scale_value))
                        """)
                .param("survey", surveyId)
                .param("region", filter.regionId())
                .param("kind", filter.kindName())
                .query(rs -> {
                    long question = rs.getLong("question_id");
                    String group = rs.getString("grp");
                    if (rs.getInt("total") != 0) {
                        respondents
                                .computeIfAbsent(question, k -> new HashMap<>())
                                .put(group, rs.getLong("respondents"));
                    } else {
                        Integer value = rs.getObject("scale_value") == null ? null : rs.getInt("scale_value");
                        counts.put(new Cell(question, (Long) rs.getObject("option_id"), value, group), rs.getLong("n"));
                    }
                });
        return new Comparison(counts, respondents);
    }

    /** A typed answer from a row with its response, question, text, region and kind (also {@link ResultsTexts}). */
    static TextAnswer text(ResultSet rs) throws SQLException {
        return new TextAnswer(
                rs.getLong("response_id"),
                rs.getLong("question_id"),
                rs.getString("text_value"),
                (Long) rs.getObject("region_id"),
                rs.getString("institution_kind"));
    }

    private static @Nullable LocalDate date(ResultSet rs, int column) throws SQLException {
        Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    private static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
        Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }
}
