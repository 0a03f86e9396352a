package pl.koordes.shared.charts;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A line chart ready to draw with {@code shared/charts/lineChart.jte}. Made by {@link LineChart#view(ChartLanguage)}.
 *
 * @param id the prefix of the element ids, unique on the page
 * @param empty no series has a value: the template says so instead of drawing
 * @param axisUnit the unit written above the value axis ("" for none)
 * @param summary the sentences that say what the chart shows
 */
public record LineChartView(
        String id,
        String title,
        String viewBox,
        boolean empty,
        String emptyText,
        String axisUnit,
        String plotLeft,
        String plotRight,
        String plotTop,
        List<Tick> ticks,
        List<PeriodLabel> periods,
        List<Series> series,
        List<Point> targets,
        List<LegendItem> legend,
        String summary,
        String tableCaption,
        String periodHeader,
        List<String> columns,
        List<Row> rows) {

    /** A mark of the value axis: its height and its number. */
    public record Tick(String y, String label) {}

    /** A period's name under the axis, in one or two lines ({@code lines} empty where only every n-th fits). */
    public record PeriodLabel(String x, String y, List<String> lines) {}

    /**
     * One line.
     *
     * @param dash a stroke-dasharray for a trajectory, or null for a solid line
     * @param path the line's path, broken where a value is missing
     * @param markers each value's marker outline (one shape per series, so colour is not the only difference)
     */
    public record Series(
            String name, String colour, @Nullable String dash, String path, List<String> markers) {}

    public record Point(String x, String y) {}

    /**
     * A line of the legend, drawn in a 36 × 16 swatch.
     *
     * @param marker the marker's outline in the swatch, or null for a line without markers
     * @param target a target's ring instead of a line
     */
    public record LegendItem(
            String label,
            String colour,
            @Nullable String dash,
            @Nullable String marker,
            boolean target) {}

    public record Row(String period, List<Cell> cells) {}

    /** A table cell: the value, or "brak danych". */
    public record Cell(String text, boolean hasValue) {}

    public String titleId() {
        return id + "-title";
    }

    public String summaryId() {
        return id + "-summary";
    }

    public String captionId() {
        return id + "-caption";
    }
}
