package pl.koordes.shared.charts;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A bar chart ready to draw with {@code shared/charts/barChart.jte}. Made by {@link BarChart#view(ChartLanguage)}.
 *
 * @param id the prefix of the element ids, unique on the page
 * @param empty no category has a value: the template says so instead of drawing
 * @param gridTop where the vertical grid lines start
 * @param gridBottom where they end, above the axis' numbers
 * @param reference the reference line (a national target, an average), or null
 */
public record BarChartView(
        String id,
        String title,
        String viewBox,
        boolean empty,
        String emptyText,
        String gridTop,
        String gridBottom,
        String axisLabelY,
        String zeroX,
        List<Tick> ticks,
        List<Bar> bars,
        @Nullable Reference reference,
        String summary,
        String tableCaption,
        String categoryHeader,
        String valueHeader) {

    /** A mark of the value axis. */
    public record Tick(String x, String label) {}

    /**
     * One category: its name above its bar, the bar, and its value at the bar's end.
     *
     * @param label the name as drawn (cut when very long; {@code name} is whole, for the table)
     * @param text the value drawn at the bar's end, or "brak danych" (or the category's note) without one
     * @param tableText the value with its note, for the table
     * @param href where the name in the table leads, or null
     */
    public record Bar(
            String name,
            String label,
            String labelY,
            boolean hasValue,
            String x,
            String y,
            String width,
            String height,
            String text,
            String tableText,
            String textX,
            String textY,
            @Nullable String href) {}

    /**
     * The reference line, its label at the top and its line in the table's foot.
     *
     * @param anchor where the label is anchored ({@code start}, {@code middle} or {@code end}) so it stays in view
     */
    public record Reference(
            String label, String text, String x, String y1, String y2, String labelX, String labelY, String anchor) {}

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
