package pl.koordes.shared.charts;

import java.util.List;

/**
 * The colours of the charts. Classes of a map are ColorBrewer's sequential "Blues", which differ in
 * lightness alone and so stay in order for every kind of colour blindness; series are dark enough
 * (contrast ≥ 4.5:1 on white, so also above 3:1 for lines) and told apart by marker and dash as well.
 */
final class Palette {

    /** Map classes by number of classes (1 to 7), lightest first (ColorBrewer Blues, Apache 2.0). */
    private static final List<List<String>> BLUES = List.of(
            List.of("#6baed6"),
            List.of("#9ecae1", "#3182bd"),
            List.of("#deebf7", "#9ecae1", "#3182bd"),
            List.of("#eff3ff", "#bdd7e7", "#6baed6", "#2171b5"),
            List.of("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"),
            List.of("#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"),
            List.of("#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594"));

    /** Lines and bars: the site's blue and red, a green, a purple and a brown, each ≥ 4.5:1 on white. */
    private static final List<String> SERIES = List.of("#0b4f8a", "#a3331b", "#1e6b34", "#6a3d9a", "#7a5200");

    /** The dashed trajectory (what the plan expected): dark grey, ≥ 7:1 on white. */
    static final String TRAJECTORY = "#4a5360";

    /** Target markers and reference lines: the site's red. */
    static final String TARGET = "#a3331b";

    /** Bars of a bar chart. */
    static final String BAR = "#0b4f8a";

    private Palette() {}

    static List<String> classes(int count) {
        return BLUES.get(Math.max(1, Math.min(BLUES.size(), count)) - 1);
    }

    static String series(int index) {
        return SERIES.get(index % SERIES.size());
    }
}
