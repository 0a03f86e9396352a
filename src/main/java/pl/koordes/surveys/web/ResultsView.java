package pl.koordes.surveys.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.charts.BarChartView;
import pl.koordes.surveys.internal.ResultsQueries.TextAnswer;

/** What the results page shows, made ready for its template by {@link ResultsController}. */
public final class ResultsView {

    private ResultsView() {}

    /** A section's heading and its questions. */
    public record Section(long id, String title, List<Question> questions) {}

    /**
     * One question's results.
     *
     * @param number the question's number in the survey (1, 2, …)
     * @param answered "12 odpowiedzi" and, for a conditional question, how many were shown it
     * @param chart the bars (choice, scale, matrix means, dates per month), each with its table, or null
     * @param note a sentence on how shares are counted, or empty
     * @param facts label–value pairs (mean, median, earliest…)
     * @param matrix the matrix table, or null
     * @param texts the first typed answers (texts, or "inna (jaka?)")
     * @param textCount how many typed answers there are
     * @param textsHref the page listing all of them, or null when the question has none
     * @param comparison the shares per region or kind, or null
     */
    public record Question(
            long id,
            int number,
            String text,
            String type,
            String answered,
            @Nullable BarChartView chart,
            String note,
            List<Fact> facts,
            @Nullable Matrix matrix,
            List<TextAnswer> texts,
            long textCount,
            @Nullable String textsHref,
            @Nullable Comparison comparison) {}

    /** A label and its value. */
    public record Fact(String label, String value) {}

    /** A matrix question: its rows × the values 1..5 (counts), with each row's mean. */
    public record Matrix(List<String> values, List<MatrixRow> rows) {}

    public record MatrixRow(String label, List<String> counts, String answers, String mean) {}

    /**
     * Shares per group: a column per option (or value), a row per region or kind.
     *
     * @param groupHeader "Województwo" or "Rodzaj instytucji"
     */
    public record Comparison(String groupHeader, List<String> columns, List<ComparisonRow> rows) {}

    public record ComparisonRow(String group, List<String> shares, String answers) {}
}
