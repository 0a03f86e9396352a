package pl.koordes.surveys.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.surveys.ResponseMode;
import pl.koordes.surveys.SurveyAction;
import pl.koordes.surveys.SurveyChanged;
import pl.koordes.surveys.internal.SurveyDefinition.Choice;
import pl.koordes.surveys.internal.SurveyDefinition.Question;

/**
 * A survey's submitted answers as a table: one row per answer, one column per question (a multiple choice
 * question one column per option with 1 or empty, plus the "inna (jaka?)" text; a matrix one column per row).
 * The leading columns: the answer's number, the day (and, unless anonymous, the time) it was submitted, its
 * region and kind of institution, the institution (answered per institution) and the person (only when the
 * survey is not anonymous). Rows are read with a cursor and handed on as they come, so memory stays flat
 * whatever the number of answers.
 */
@Component
public class ResultsExport {

    /** Rows fetched from PostgreSQL at a time. */
    static final int FETCH_SIZE = 500;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ResultsExport(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Receives the rows, one list of cells (String, Number or null) at a time. */
    public interface Sink {
        void row(List<@Nullable Object> cells) throws IOException;
    }

    /**
     * How the values are named in the file.
     *
     * @param regionName a region's name by id
     * @param kindName a kind of institution's name by its stored name
     * @param other the name of the "inna (jaka?)" column
     */
    public record Labels(Function<Long, String> regionName, Function<String, String> kindName, String other) {}

    /**
     * Records that the results left the system (who, when, which format and filter): an audit line, written
     * before the file is. Returns how many answers the file holds.
     */
    @Transactional
    public long recordExport(Survey survey, ResultsFilter filter, String format) {
        long answers = jdbc.sql("select count(*) from surveys_response r where " + ResultsFilter.CONDITION)
                .param("survey", survey.id())
                .param("region", filter.regionId())
                .param("kind", filter.kindName())
                .query(Long.class)
                .single();
        Map<String, @Nullable Object> after = new LinkedHashMap<>();
        after.put("title", survey.title());
        after.put("format", format);
        after.put("answers", answers);
        after.put("regionId", filter.regionId());
        after.put("kind", filter.kindName());
        events.publishEvent(new SurveyChanged(SurveyAction.SURVEY_RESULTS_EXPORTED, survey.id(), null, after));
        return answers;
    }

    /** The header row (Polish names: they are part of the data, as in the other exports). */
    public List<String> header(SurveyDefinition definition, Labels labels) {
        return layout(definition, labels).headers;
    }

    /** Writes every submitted answer within the filter to the sink, in one statement read with a cursor. */
    @Transactional(readOnly = true)
    public void write(SurveyDefinition definition, ResultsFilter filter, Labels labels, Sink sink) {
        Survey survey = definition.survey();
        Layout layout = layout(definition, labels);
        boolean anonymous = survey.anonymous();
        // An anonymous survey's answers are listed in an order unrelated to when they came, so that row numbers
        // cannot be matched with the audit log's times of submission.
        String order = anonymous ? "md5(cast(r.id as text)), r.id, a.id" : "r.id, a.id";
        String person = anonymous ? "cast(null as text)" : "acc.display_name";
        String personJoin = anonymous ? "" : "left join account acc on acc.id = r.account_id";
        Row current = new Row();
        jdbc.sql("select r.id as response_id, r.submitted_on, r.submitted_at, r.region_id, r.institution_kind,"
                        + " i.name as institution, " + person + " as person,"
                        + " a.question_id, a.option_id, a.matrix_row_id, a.scale_value, a.text_value, a.number_value,"
                        + " a.date_value from surveys_response r"
                        + " left join surveys_answer a on a.response_id = r.id"
                        + " left join institution i on i.id = r.institution_id "
                        + personJoin + " where " + ResultsFilter.CONDITION + " order by " + order)
                .param("survey", survey.id())
                .param("region", filter.regionId())
                .param("kind", filter.kindName())
                .withFetchSize(FETCH_SIZE)
                .query(rs -> {
                    long response = rs.getLong("response_id");
                    @Nullable Object[] cells = current.cells;
                    if (cells == null || current.response != response) {
                        current.flush(sink);
                        current.number++;
                        current.response = response;
                        cells = new Object[layout.headers.size()];
                        cells[0] = current.number;
                        OffsetDateTime at = rs.getObject("submitted_at", OffsetDateTime.class);
                        Date on = rs.getDate("submitted_on");
                        cells[1] = !anonymous && at != null
                                ? Formats.dateTime(at.toInstant())
                                : on == null ? null : Formats.date(on.toLocalDate());
                        Long region = (Long) rs.getObject("region_id");
                        cells[2] = region == null ? null : labels.regionName().apply(region);
                        String kind = rs.getString("institution_kind");
                        cells[3] = kind == null ? null : labels.kindName().apply(kind);
                        int next = 4;
                        if (layout.institution) {
                            cells[next++] = rs.getString("institution");
                        }
                        if (layout.person) {
                            cells[next] = rs.getString("person");
                        }
                        current.cells = cells;
                    }
                    if (rs.getObject("question_id") == null) {
                        return;
                    }
                    long question = rs.getLong("question_id");
                    Long option = (Long) rs.getObject("option_id");
                    Long row = (Long) rs.getObject("matrix_row_id");
                    Integer optionColumn = option == null ? null : layout.optionColumns.get(option);
                    if (optionColumn != null) {
                        cells[optionColumn] = layout.singleChoice.contains(question)
                                ? layout.optionLabels.get(option)
                                : Integer.valueOf(1);
                        return;
                    }
                    Integer rowColumn = row == null ? null : layout.rowColumns.get(row);
                    if (rowColumn != null) {
                        cells[rowColumn] = rs.getObject("scale_value") == null ? null : rs.getInt("scale_value");
                        return;
                    }
                    Integer otherColumn = layout.otherColumns.get(question);
                    String text = rs.getString("text_value");
                    if (otherColumn != null && option == null && text != null) {
                        cells[otherColumn] = text;
                        return;
                    }
                    Integer column = layout.questionColumns.get(question);
                    if (column == null) {
                        return;
                    }
                    BigDecimal number = rs.getBigDecimal("number_value");
                    Date date = rs.getDate("date_value");
                    if (rs.getObject("scale_value") != null) {
                        cells[column] = rs.getInt("scale_value");
                    } else if (number != null) {
                        cells[column] = number.stripTrailingZeros().scale() < 0
                                ? number.setScale(0)
                                : number.stripTrailingZeros();
                    } else if (date != null) {
                        cells[column] = Formats.date(date.toLocalDate());
                    } else if (text != null) {
                        cells[column] = text;
                    }
                });
        current.flush(sink);
    }

    /** The answer being gathered from its rows. */
    private static final class Row {
        long number;
        long response;

        @Nullable
        Object @Nullable [] cells;

        void flush(Sink sink) {
            if (cells == null) {
                return;
            }
            try {
                sink.row(Arrays.asList(cells));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            cells = null;
        }
    }

    /** Which column each question, option and matrix row goes to. */
    private static final class Layout {
        final List<String> headers = new ArrayList<>();
        final Map<Long, Integer> questionColumns = new HashMap<>();
        final Map<Long, Integer> optionColumns = new HashMap<>();
        final Map<Long, String> optionLabels = new HashMap<>();
        final Map<Long, Integer> rowColumns = new HashMap<>();
        final Map<Long, Integer> otherColumns = new HashMap<>();
        final Set<Long> singleChoice = new HashSet<>();
        boolean institution;
        boolean person;
    }

    private static Layout layout(SurveyDefinition definition, Labels labels) {
        Survey survey = definition.survey();
        Layout layout = new Layout();
        layout.headers.addAll(List.of("Nr", "Data wysłania", "Województwo", "Rodzaj instytucji"));
        if (survey.responseMode() == ResponseMode.INSTITUTION) {
            layout.institution = true;
            layout.headers.add("Instytucja");
        }
        if (!survey.anonymous()) {
            layout.person = true;
            layout.headers.add("Osoba");
        }
        int n = 0;
        for (Question question : definition.questions().toList()) {
            n++;
            String name = "P" + n + ". " + question.text();
            switch (question.type()) {
                case SINGLE_CHOICE -> {
                    layout.singleChoice.add(question.id());
                    int column = layout.headers.size();
                    layout.headers.add(name);
                    for (Choice option : question.options()) {
                        layout.optionColumns.put(option.id(), column);
                        layout.optionLabels.put(option.id(), option.label());
                    }
                    if (question.otherOption()) {
                        layout.otherColumns.put(question.id(), layout.headers.size());
                        layout.headers.add(name + " — " + labels.other());
                    }
                }
                case MULTIPLE_CHOICE -> {
                    for (Choice option : question.options()) {
                        layout.optionColumns.put(option.id(), layout.headers.size());
                        layout.headers.add(name + " — " + option.label());
                    }
                    if (question.otherOption()) {
                        layout.otherColumns.put(question.id(), layout.headers.size());
                        layout.headers.add(name + " — " + labels.other());
                    }
                }
                case MATRIX -> {
                    for (Choice row : question.rows()) {
                        layout.rowColumns.put(row.id(), layout.headers.size());
                        layout.headers.add(name + " — " + row.label());
                    }
                }
                default -> {
                    layout.questionColumns.put(question.id(), layout.headers.size());
                    layout.headers.add(name);
                }
            }
        }
        return layout;
    }
}
