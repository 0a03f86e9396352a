package pl.koordes.shared.charts;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A map ready to draw with {@code shared/charts/choropleth.jte}: every text in the reader's language and
 * every number formatted. Made by {@link Choropleth#view(ChartLanguage)}.
 *
 * @param id the prefix of the element ids, unique on the page
 * @param empty no area has a value: the template says so instead of drawing
 * @param linked some area links somewhere, so the map is a group of links rather than one image
 * @param summary the sentence that says what the map shows (highest, lowest, how many without data)
 * @param noDataFill the fill of areas without a value ({@code url(#…)} of a hatched pattern)
 */
public record ChoroplethView(
        String id,
        String title,
        String viewBox,
        boolean empty,
        boolean linked,
        List<Area> areas,
        List<LegendItem> legend,
        String legendTitle,
        String summary,
        String emptyText,
        String areaHeader,
        String valueHeader,
        String tableCaption,
        String noDataFill) {

    /**
     * One area as drawn and as a table row.
     *
     * @param fill a colour or the no-data pattern
     * @param label the value drawn on the area ("" without one)
     * @param text the value or the reason there is none, for the table and the link's name
     * @param hasValue whether {@code text} is a number (right-aligned in the table)
     */
    public record Area(
            String name,
            String path,
            String fill,
            String label,
            String labelX,
            String labelY,
            @Nullable String href,
            String text,
            boolean hasValue) {

        /** The link's accessible name: "Mazowieckie: 12,5%". */
        public String linkName() {
            return name + ": " + text;
        }
    }

    /**
     * A line of the legend.
     *
     * @param fill a colour or the no-data pattern's {@code url(#…)}
     * @param count how many areas fall in it ("3 województwa")
     */
    public record LegendItem(String label, String fill, String count) {}

    public String titleId() {
        return id + "-title";
    }

    public String summaryId() {
        return id + "-summary";
    }

    public String captionId() {
        return id + "-caption";
    }

    /** The id of the hatched pattern of areas without data. */
    public String patternId() {
        return id + "-nodata";
    }
}
