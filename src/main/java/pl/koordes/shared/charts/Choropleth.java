package pl.koordes.shared.charts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A map whose areas are coloured by a value, in classes: the areas, a value per area (none: hatched), the
 * title and unit, and how the classes are cut. {@link #view(ChartLanguage)} makes what
 * {@code shared/charts/choropleth.jte} draws: the map with each value written on its area, the legend, a
 * sentence with the highest and lowest values and a table of the same values.
 *
 * <pre>{@code
 * ChoroplethView map = Choropleth.of("mapa", "Spółdzielnie socjalne w 2024 r.", areas, polandMap.viewBox())
 *         .unit("szt.")
 *         .values(valuesBySlug)
 *         .note("opolskie", "dane w przygotowaniu")
 *         .classes(ClassBreaks.Method.QUANTILE, 5)
 *         .view(ChartLanguage.of(page));
 * }</pre>
 */
public final class Choropleth {

    /** Longest label drawn on an area; the table has it whole. */
    private static final int MAX_LABEL = 12;

    private final String id;
    private final String title;
    private final List<MapArea> areas;
    private final String viewBox;
    private final Map<String, BigDecimal> values = new LinkedHashMap<>();
    private final Map<String, String> notes = new LinkedHashMap<>();
    private @Nullable String unit;
    private ClassBreaks.Method method = ClassBreaks.Method.QUANTILE;
    private int classCount = 5;
    private @Nullable Integer decimals;
    private String countKey = "charts.count.regions";
    private @Nullable String areaHeader;

    private Choropleth(String id, String title, List<MapArea> areas, String viewBox) {
        this.id = Svg.checkId(id);
        this.title = title;
        this.areas = List.copyOf(areas);
        this.viewBox = viewBox;
    }

    /**
     * A map of these areas.
     *
     * @param id a prefix for element ids, unique on the page (lower-case letters, digits, hyphens)
     * @param viewBox the SVG viewBox the areas' outlines are drawn in
     */
    public static Choropleth of(String id, String title, List<MapArea> areas, String viewBox) {
        return new Choropleth(id, title, areas, viewBox);
    }

    /** The unit of the values ("%", "szt.", "liczba podmiotów"); shown in the table's header and the legend. */
    public Choropleth unit(@Nullable String unit) {
        this.unit = unit;
        return this;
    }

    /** The value of one area; null means no data (the area is hatched). */
    public Choropleth value(String areaId, @Nullable BigDecimal value) {
        if (value == null) {
            values.remove(areaId);
        } else {
            values.put(areaId, value);
        }
        return this;
    }

    /** Values by area id; areas missing from the map have no data. */
    public Choropleth values(Map<String, ? extends @Nullable BigDecimal> values) {
        values.forEach(this::value);
        return this;
    }

    /** A note on an area, shown instead of "brak danych" (e.g. "dane w przygotowaniu, do 30.06.2026"). */
    public Choropleth note(String areaId, String note) {
        notes.put(areaId, note);
        return this;
    }

    /**
     * How the classes are cut: {@link ClassBreaks.Method#QUANTILE} (the default, five classes) or equal
     * intervals, with {@value ClassBreaks#MIN_CLASSES} to {@value ClassBreaks#MAX_CLASSES} classes.
     */
    public Choropleth classes(ClassBreaks.Method method, int count) {
        this.method = method;
        this.classCount = count;
        ClassBreaks.of(List.of(), method, count); // refuses a count out of range now, where the caller is
        return this;
    }

    /** At most this many decimals in every number shown; by default as many as the values have. */
    public Choropleth decimals(int maxDecimals) {
        this.decimals = maxDecimals;
        return this;
    }

    /**
     * The message that counts areas, with the count as its argument {0} and Polish plural forms; by default
     * {@code charts.count.regions} ("1 województwo", "3 województwa", "5 województw").
     */
    public Choropleth counted(String pluralMessageKey) {
        this.countKey = pluralMessageKey;
        return this;
    }

    /** The header of the table's column of area names; by default "Województwo". */
    public Choropleth areaHeader(String header) {
        this.areaHeader = header;
        return this;
    }

    public ChoroplethView view(ChartLanguage language) {
        ChartNumbers numbers = language.numbers();
        List<MapArea> withValue =
                areas.stream().filter(a -> values.containsKey(a.id())).toList();
        ClassBreaks breaks = ClassBreaks.of(
                withValue.stream()
                        .map(a -> values.get(a.id()))
                        .filter(Objects::nonNull)
                        .toList(),
                method,
                classCount);
        int shown = decimals != null ? decimals : ChartNumbers.MAX_DECIMALS;
        List<String> colours = Palette.classes(breaks.size());
        String noDataFill = "url(#" + id + "-nodata)";
        String noData = language.t("charts.noData");

        List<ChoroplethView.Area> drawn = new ArrayList<>();
        int[] perClass = new int[breaks.size()];
        for (MapArea area : areas) {
            BigDecimal value = values.get(area.id());
            String note = notes.get(area.id());
            String fill = noDataFill;
            String label = "";
            String text;
            if (value != null) {
                int c = breaks.classOf(value);
                fill = colours.get(c);
                perClass[c]++;
                String number = ChartNumbers.withUnit(numbers.format(value, shown), unit);
                label = Svg.cut(number, MAX_LABEL);
                text = note == null ? number : number + " (" + note + ")";
            } else {
                text = note != null ? note : noData;
            }
            drawn.add(new ChoroplethView.Area(
                    area.name(),
                    area.path(),
                    fill,
                    label,
                    Svg.n(area.labelX()),
                    Svg.n(area.labelY()),
                    area.href(),
                    text,
                    value != null));
        }

        List<ChoroplethView.LegendItem> legend = new ArrayList<>();
        for (ClassBreaks.ValueClass c : breaks.classes()) {
            String lower = numbers.format(c.lower(), shown);
            String upper = numbers.format(c.upper(), shown);
            String label = c.single()
                    ? lower
                    : c.first()
                            ? language.t("charts.class.first", lower, upper)
                            : language.t("charts.class.next", lower, upper);
            legend.add(new ChoroplethView.LegendItem(
                    label, colours.get(c.index()), language.t(countKey, perClass[c.index()])));
        }
        int missing = areas.size() - withValue.size();
        if (missing > 0) {
            legend.add(new ChoroplethView.LegendItem(noData, noDataFill, language.t(countKey, missing)));
        }

        String valueHeader =
                unit == null || unit.isBlank() ? language.t("charts.value") : language.t("charts.valueIn", unit);
        return new ChoroplethView(
                id,
                title,
                padded(viewBox),
                withValue.isEmpty(),
                areas.stream().anyMatch(a -> a.href() != null),
                drawn,
                legend,
                unit == null || unit.isBlank() ? language.t("charts.legend") : language.t("charts.legendIn", unit),
                summary(language, withValue, missing, shown),
                language.t("charts.empty"),
                areaHeader != null ? areaHeader : language.t("charts.area.region"),
                valueHeader,
                language.t("charts.tableOf", title),
                noDataFill);
    }

    /** The view box with a margin of 1 % around it, so that the outlines' strokes at its edges are not cut. */
    static String padded(String viewBox) {
        String[] parts = viewBox.trim().split("[\\s,]+");
        if (parts.length != 4) {
            return viewBox;
        }
        try {
            double x = Double.parseDouble(parts[0]), y = Double.parseDouble(parts[1]);
            double width = Double.parseDouble(parts[2]), height = Double.parseDouble(parts[3]);
            double margin = Math.max(width, height) / 100;
            return Svg.n(x - margin) + " " + Svg.n(y - margin) + " " + Svg.n(width + 2 * margin) + " "
                    + Svg.n(height + 2 * margin);
        } catch (NumberFormatException e) {
            return viewBox;
        }
    }

    private String summary(ChartLanguage language, List<MapArea> withValue, int missing, int shown) {
        List<String> sentences = new ArrayList<>();
        if (!withValue.isEmpty()) {
            Comparator<MapArea> byValue = Comparator.comparing(a -> Objects.requireNonNull(values.get(a.id())));
            BigDecimal max = Objects.requireNonNull(
                    values.get(withValue.stream().max(byValue).orElseThrow().id()));
            BigDecimal min = Objects.requireNonNull(
                    values.get(withValue.stream().min(byValue).orElseThrow().id()));
            String maxText = ChartNumbers.withUnit(language.numbers().format(max, shown), unit);
            String minText = ChartNumbers.withUnit(language.numbers().format(min, shown), unit);
            if (withValue.size() == 1) {
                sentences.add(
                        language.t("charts.summary.single", withValue.getFirst().name(), maxText));
            } else if (max.compareTo(min) == 0) {
                sentences.add(language.t("charts.summary.equal", language.t(countKey, withValue.size()), maxText));
            } else {
                sentences.add(language.t("charts.summary.highest", namesWith(withValue, max), maxText));
                sentences.add(language.t("charts.summary.lowest", namesWith(withValue, min), minText));
            }
        }
        if (missing > 0) {
            sentences.add(language.t("charts.summary.noData", language.t(countKey, missing)));
        }
        return String.join(" ", sentences);
    }

    private String namesWith(List<MapArea> withValue, BigDecimal value) {
        return String.join(
                ", ",
                withValue.stream()
                        .filter(a -> Objects.requireNonNull(values.get(a.id())).compareTo(value) == 0)
                        .map(MapArea::name)
                        .toList());
    }
}
