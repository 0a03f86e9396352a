package pl.koordes.shared.charts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * One value per category (the 16 regions), as horizontal bars with each name above its bar, so that
 * "Warmińsko-mazurskie" fits a phone; optionally a reference line (a national target, the average).
 * {@link #view(ChartLanguage)} makes what {@code shared/charts/barChart.jte} draws: the chart, a sentence
 * with the highest and lowest values and a table of the same values.
 *
 * <pre>{@code
 * BarChartView chart = BarChart.of("porownanie", "Spółdzielnie socjalne na 100 tys. mieszkańców")
 *         .bar("Mazowieckie", new BigDecimal("4.2"), "/regiony/mazowieckie")
 *         .bar("Opolskie", null)
 *         .reference("Średnia krajowa", new BigDecimal("3.1"))
 *         .sortedByValue()
 *         .view(ChartLanguage.of(page));
 * }</pre>
 */
public final class BarChart {

    static final double WIDTH = 360;
    private static final double TOP = 30;
    private static final double ROW = 40;
    private static final double BAR = 16;
    private static final double LEFT = 8;
    /** Longest name drawn above a bar; the table has it whole. */
    private static final int MAX_NAME = 45;

    private record Category(
            String name,
            @Nullable BigDecimal value,
            @Nullable String href,
            @Nullable String note) {}

    private final String id;
    private final String title;
    private final List<Category> categories = new ArrayList<>();
    private @Nullable String unit;
    private @Nullable String referenceLabel;
    private @Nullable BigDecimal referenceValue;
    private boolean sorted;
    private @Nullable Integer decimals;
    private String countKey = "charts.count.regions";
    private @Nullable String categoryHeader;

    private BarChart(String id, String title) {
        this.id = Svg.checkId(id);
        this.title = title;
    }

    /** @param id a prefix for element ids, unique on the page (lower-case letters, digits, hyphens) */
    public static BarChart of(String id, String title) {
        return new BarChart(id, title);
    }

    public BarChart unit(@Nullable String unit) {
        this.unit = unit;
        return this;
    }

    /** A category and its value (null: no data), in the order given unless {@link #sortedByValue()}. */
    public BarChart bar(String name, @Nullable BigDecimal value) {
        return bar(name, value, null);
    }

    /** A category whose name in the table links to {@code href}. */
    public BarChart bar(String name, @Nullable BigDecimal value, @Nullable String href) {
        return bar(name, value, href, null);
    }

    /**
     * A category with a note shown instead of "brak danych" when it has no value ("dane w przygotowaniu"),
     * or beside its value in the table.
     */
    public BarChart bar(String name, @Nullable BigDecimal value, @Nullable String href, @Nullable String note) {
        categories.add(new Category(name, value, href, note));
        return this;
    }

    /** A vertical line at {@code value}, named in its label, the sentence and the table's foot. */
    public BarChart reference(String label, BigDecimal value) {
        this.referenceLabel = label;
        this.referenceValue = value;
        return this;
    }

    /** Largest value first, categories without data last. */
    public BarChart sortedByValue() {
        this.sorted = true;
        return this;
    }

    /** At most this many decimals in the values shown; by default as many as they have. */
    public BarChart decimals(int maxDecimals) {
        this.decimals = maxDecimals;
        return this;
    }

    /** The message that counts categories ({0} the count, with plural forms); by default "3 województwa". */
    public BarChart counted(String pluralMessageKey) {
        this.countKey = pluralMessageKey;
        return this;
    }

    /** The header of the table's column of names; by default "Województwo". */
    public BarChart categoryHeader(String header) {
        this.categoryHeader = header;
        return this;
    }

    public BarChartView view(ChartLanguage language) {
        ChartNumbers numbers = language.numbers();
        int shown = decimals != null ? decimals : ChartNumbers.MAX_DECIMALS;
        List<Category> ordered = new ArrayList<>(categories);
        if (sorted) {
            ordered.sort(
                    Comparator.comparing(Category::value, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder())));
        }
        List<BigDecimal> values =
                ordered.stream().map(Category::value).filter(Objects::nonNull).toList();
        String noData = language.t("charts.noData");
        List<String> texts = new ArrayList<>();
        List<String> tableTexts = new ArrayList<>();
        for (Category c : ordered) {
            BigDecimal value = c.value();
            String note = c.note();
            String text = value == null
                    ? (note != null ? note : noData)
                    : ChartNumbers.withUnit(numbers.format(value, shown), unit);
            texts.add(value == null ? Svg.cut(text, MAX_NAME) : text);
            tableTexts.add(value != null && note != null ? text + " (" + note + ")" : text);
        }

        List<BigDecimal> extent = new ArrayList<>(values);
        if (referenceValue != null) {
            extent.add(referenceValue);
        }
        double min = Math.min(
                0, extent.stream().mapToDouble(BigDecimal::doubleValue).min().orElse(0));
        double max = Math.max(
                0, extent.stream().mapToDouble(BigDecimal::doubleValue).max().orElse(1));
        AxisTicks axis = AxisTicks.nice(min, max, 5);
        double valueSpace = IntStream.range(0, ordered.size())
                        .filter(i -> ordered.get(i).value() != null)
                        .mapToDouble(i -> Svg.width(texts.get(i)))
                        .max()
                        .orElse(20)
                + 14;
        double right = WIDTH - valueSpace;
        double lo = axis.min().doubleValue();
        double span = axis.max().doubleValue() - lo;
        DoubleUnaryOperator x = v -> LEFT + (v - lo) / span * (right - LEFT);
        double zero = x.applyAsDouble(0);
        double rowsBottom = TOP + ordered.size() * ROW;
        double height = rowsBottom + 26;

        List<BarChartView.Bar> bars = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Category c = ordered.get(i);
            double rowTop = TOP + i * ROW;
            double barY = rowTop + 19;
            String text = texts.get(i);
            if (c.value() == null) {
                bars.add(new BarChartView.Bar(
                        c.name(),
                        Svg.cut(c.name(), MAX_NAME),
                        Svg.n(rowTop + 14),
                        false,
                        Svg.n(zero),
                        Svg.n(barY),
                        "0",
                        Svg.n(BAR),
                        text,
                        tableTexts.get(i),
                        Svg.n(zero + 4),
                        Svg.n(barY + 12.5),
                        c.href()));
                continue;
            }
            double end = x.applyAsDouble(c.value().doubleValue());
            bars.add(new BarChartView.Bar(
                    c.name(),
                    Svg.cut(c.name(), MAX_NAME),
                    Svg.n(rowTop + 14),
                    true,
                    Svg.n(Math.min(zero, end)),
                    Svg.n(barY),
                    Svg.n(Math.abs(end - zero)),
                    Svg.n(BAR),
                    text,
                    tableTexts.get(i),
                    Svg.n(Math.max(zero, end) + 5),
                    Svg.n(barY + 12.5),
                    c.href()));
        }
        List<BarChartView.Tick> ticks = axis.values().stream()
                .map(v -> new BarChartView.Tick(
                        Svg.n(x.applyAsDouble(v.doubleValue())), numbers.format(v, axis.decimals())))
                .toList();

        BarChartView.Reference reference = null;
        if (referenceLabel != null && referenceValue != null) {
            String text = ChartNumbers.withUnit(numbers.format(referenceValue, shown), unit);
            double rx = x.applyAsDouble(referenceValue.doubleValue());
            String label = Svg.cut(referenceLabel + ": " + text, MAX_NAME);
            double half = Svg.width(label) / 2;
            String anchor = rx - half < 0 ? "start" : rx + half > WIDTH ? "end" : "middle";
            double labelX = anchor.equals("start") ? 0 : anchor.equals("end") ? WIDTH : rx;
            reference = new BarChartView.Reference(
                    referenceLabel, text, Svg.n(rx), Svg.n(TOP - 8), Svg.n(rowsBottom), Svg.n(labelX), "16", anchor);
        }

        String valueHeader =
                unit == null || unit.isBlank() ? language.t("charts.value") : language.t("charts.valueIn", unit);
        return new BarChartView(
                id,
                title,
                "0 0 " + Svg.n(WIDTH) + " " + Svg.n(height),
                values.isEmpty(),
                language.t("charts.empty"),
                Svg.n(TOP - 4),
                Svg.n(rowsBottom),
                Svg.n(rowsBottom + 18),
                Svg.n(zero),
                ticks,
                bars,
                reference,
                summary(language, ordered, shown),
                language.t("charts.tableOf", title),
                categoryHeader != null ? categoryHeader : language.t("charts.area.region"),
                valueHeader);
    }

    private String summary(ChartLanguage language, List<Category> ordered, int shown) {
        ChartNumbers numbers = language.numbers();
        List<Category> withValue =
                ordered.stream().filter(c -> c.value() != null).toList();
        List<String> sentences = new ArrayList<>();
        if (!withValue.isEmpty()) {
            BigDecimal max = withValue.stream()
                    .map(Category::value)
                    .filter(Objects::nonNull)
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
            BigDecimal min = withValue.stream()
                    .map(Category::value)
                    .filter(Objects::nonNull)
                    .min(Comparator.naturalOrder())
                    .orElseThrow();
            String maxText = ChartNumbers.withUnit(numbers.format(max, shown), unit);
            String minText = ChartNumbers.withUnit(numbers.format(min, shown), unit);
            if (withValue.size() == 1) {
                sentences.add(
                        language.t("charts.summary.single", withValue.getFirst().name(), maxText));
            } else if (max.compareTo(min) == 0) {
                sentences.add(language.t("charts.summary.equal", language.t(countKey, withValue.size()), maxText));
            } else {
                sentences.add(language.t("charts.summary.highest", namesWith(withValue, max), maxText));
                sentences.add(language.t("charts.summary.lowest", namesWith(withValue, min), minText));
            }
            if (referenceLabel != null && referenceValue != null) {
                BigDecimal reference = referenceValue;
                long above = withValue.stream()
                        .filter(c -> Objects.requireNonNull(c.value()).compareTo(reference) > 0)
                        .count();
                sentences.add(language.t(
                        "charts.bar.summary.reference",
                        referenceLabel,
                        ChartNumbers.withUnit(numbers.format(reference, shown), unit),
                        language.t(countKey, above)));
            }
        }
        int missing = ordered.size() - withValue.size();
        if (missing > 0) {
            sentences.add(language.t("charts.summary.noData", language.t(countKey, missing)));
        }
        return String.join(" ", sentences);
    }

    private static String namesWith(List<Category> withValue, BigDecimal value) {
        return String.join(
                ", ",
                withValue.stream()
                        .filter(c -> Objects.requireNonNull(c.value()).compareTo(value) == 0)
                        .map(Category::name)
                        .toList());
    }
}
