package pl.koordes.shared.charts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * One or more series over ordered periods ("2021", "I półrocze 2022"), with gaps where a value is missing,
 * optionally a dashed trajectory (what the plan expected) and target markers. {@link #view(ChartLanguage)}
 * makes what {@code shared/charts/lineChart.jte} draws: the chart, its legend, a sentence per series and a
 * table of the same data (a row per period).
 *
 * <pre>{@code
 * LineChartView chart = LineChart.of("przebieg", "Podmioty ekonomii społecznej", List.of("2021", "2022", "2023"))
 *         .unit("szt.")
 *         .series("Mazowieckie", List.of(new BigDecimal("120"), null, new BigDecimal("150")))
 *         .trajectory("Ścieżka do celu", List.of(new BigDecimal("120"), new BigDecimal("135"), new BigDecimal("150")))
 *         .target("2023", new BigDecimal("150"))
 *         .view(ChartLanguage.of(page));
 * }</pre>
 */
public final class LineChart {

    static final double WIDTH = 400;
    static final double HEIGHT = 300;
    private static final double TOP = 28;
    private static final double LINE = 17;
    private static final double MARKER = 4.5;
    private static final String DASH = "7 5";

    private record Line(String name, List<@Nullable BigDecimal> values, boolean trajectory) {}

    private record Target(int period, BigDecimal value) {}

    private final String id;
    private final String title;
    private final List<String> periods;
    private final List<Line> lines = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private @Nullable String unit;
    private @Nullable String targetName;
    private @Nullable Integer decimals;

    private LineChart(String id, String title, List<String> periods) {
        this.id = Svg.checkId(id);
        this.title = title;
        this.periods = List.copyOf(periods);
    }

    /**
     * A chart over these periods, in order.
     *
     * @param id a prefix for element ids, unique on the page (lower-case letters, digits, hyphens)
     */
    public static LineChart of(String id, String title, List<String> periods) {
        return new LineChart(id, title, periods);
    }

    /** The unit of the values, written above the axis and in the table's headers. */
    public LineChart unit(@Nullable String unit) {
        this.unit = unit;
        return this;
    }

    /** A solid line: one value (or null for none) per period. */
    public LineChart series(String name, List<? extends @Nullable BigDecimal> values) {
        lines.add(new Line(name, checked(values), false));
        return this;
    }

    /**
     * A dashed line of what was planned (the straight path from baseline to target): drawn through the
     * periods that have a value, without markers.
     */
    public LineChart trajectory(String name, List<? extends @Nullable BigDecimal> values) {
        lines.add(new Line(name, checked(values), true));
        return this;
    }

    /** A target for one of the periods, drawn as a ring; {@code period} must be one of the chart's. */
    public LineChart target(String period, BigDecimal value) {
        int index = periods.indexOf(period);
        if (index < 0) {
            throw new IllegalArgumentException("No period " + period + " in the chart");
        }
        targets.add(new Target(index, value));
        return this;
    }

    /** What the targets are called in the legend and the table; by default "Cel". */
    public LineChart targetName(String name) {
        this.targetName = name;
        return this;
    }

    /** At most this many decimals in the values shown; by default as many as they have. */
    public LineChart decimals(int maxDecimals) {
        this.decimals = maxDecimals;
        return this;
    }

    private List<@Nullable BigDecimal> checked(List<? extends @Nullable BigDecimal> values) {
        if (values.size() != periods.size()) {
            throw new IllegalArgumentException(
                    "A series has one value per period: " + values.size() + " for " + periods.size() + " periods");
        }
        return new ArrayList<>(values);
    }

    public LineChartView view(ChartLanguage language) {
        ChartNumbers numbers = language.numbers();
        int shown = decimals != null ? decimals : ChartNumbers.MAX_DECIMALS;
        String targetLabel = targetName != null ? targetName : language.t("charts.line.target");
        String shownUnit = unit == null ? "" : unit;

        List<BigDecimal> all = new ArrayList<>();
        lines.forEach(l -> l.values().stream().filter(Objects::nonNull).forEach(all::add));
        targets.forEach(t -> all.add(t.value()));
        boolean empty = periods.isEmpty() || all.isEmpty();

        // The value axis always shows zero, so a small change does not look like a large one.
        double min = Math.min(
                0, all.stream().mapToDouble(BigDecimal::doubleValue).min().orElse(0));
        double max = Math.max(
                0, all.stream().mapToDouble(BigDecimal::doubleValue).max().orElse(1));
        AxisTicks axis = AxisTicks.nice(min, max, 6);
        List<String> tickLabels = axis.values().stream()
                .map(v -> numbers.format(v, axis.decimals()))
                .toList();
        double left = tickLabels.stream().mapToDouble(Svg::width).max().orElse(10) + 14;

        // Period names: split in two lines when too wide for their slot, and only every n-th when still too wide.
        int n = periods.size();
        List<List<String>> periodLines =
                periods.stream().map(LineChart::twoLines).toList();
        double[] widths = periodLines.stream()
                .mapToDouble(l -> l.stream().mapToDouble(Svg::width).max().orElse(0))
                .toArray();
        int lineCount = periodLines.stream().mapToInt(List::size).max().orElse(1);
        double rightEdge = WIDTH - Math.max(12, (n > 0 ? widths[n - 1] : 0) / 2 + 2);
        double firstX = Math.max(left + 14, (n > 0 ? widths[0] : 0) / 2 + 2);
        double slot = n > 1 ? (rightEdge - firstX) / (n - 1) : rightEdge - firstX;
        int every = labelStep(widths, slot);
        double bottom = HEIGHT - 12 - lineCount * LINE;
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = n == 1 ? (firstX + rightEdge) / 2 : firstX + i * slot;
        }
        double lo = axis.min().doubleValue();
        double span = axis.max().doubleValue() - lo;
        DoubleUnaryOperator y = v -> bottom - (v - lo) / span * (bottom - TOP);

        List<LineChartView.Tick> ticks = new ArrayList<>();
        for (int i = 0; i < axis.values().size(); i++) {
            ticks.add(new LineChartView.Tick(
                    Svg.n(y.applyAsDouble(axis.values().get(i).doubleValue())), tickLabels.get(i)));
        }
        List<LineChartView.PeriodLabel> periodLabels = new ArrayList<>();
        // The latest period is named too when it clears the last name shown before it.
        int lastShown = n == 0 ? 0 : (n - 1) / every * every;
        boolean latestFits = n > 1
                && lastShown != n - 1
                && (widths[lastShown] + widths[n - 1]) / 2 + 8 <= (n - 1 - lastShown) * slot;
        for (int i = 0; i < n; i++) {
            boolean labelled = i % every == 0 || (i == n - 1 && latestFits);
            periodLabels.add(new LineChartView.PeriodLabel(
                    Svg.n(xs[i]), Svg.n(bottom + 20), labelled ? periodLines.get(i) : List.of()));
        }

        List<LineChartView.Series> drawn = new ArrayList<>();
        List<LineChartView.LegendItem> legend = new ArrayList<>();
        int shape = 0;
        int colour = 0;
        for (Line line : lines) {
            StringBuilder path = new StringBuilder();
            List<String> markers = new ArrayList<>();
            boolean pen = false;
            int lineShape = shape;
            for (int i = 0; i < n; i++) {
                BigDecimal v = line.values().get(i);
                if (v == null) {
                    pen = pen && line.trajectory();
                    continue;
                }
                double py = y.applyAsDouble(v.doubleValue());
                path.append(pen ? "L" : "M").append(Svg.n(xs[i])).append(' ').append(Svg.n(py));
                pen = true;
                if (!line.trajectory()) {
                    markers.add(Svg.marker(lineShape, xs[i], py, MARKER));
                }
            }
            String stroke = line.trajectory() ? Palette.TRAJECTORY : Palette.series(colour++);
            if (!line.trajectory()) {
                shape++;
            }
            String dash = line.trajectory() ? DASH : null;
            drawn.add(new LineChartView.Series(line.name(), stroke, dash, path.toString(), markers));
            legend.add(new LineChartView.LegendItem(
                    line.name(), stroke, dash, line.trajectory() ? null : Svg.marker(lineShape, 18, 8, MARKER), false));
        }
        List<LineChartView.Point> targetPoints = targets.stream()
                .map(t -> new LineChartView.Point(
                        Svg.n(xs[t.period()]), Svg.n(y.applyAsDouble(t.value().doubleValue()))))
                .toList();
        if (!targets.isEmpty()) {
            legend.add(new LineChartView.LegendItem(targetLabel, Palette.TARGET, null, null, true));
        }

        List<String> columns = new ArrayList<>(lines.stream().map(Line::name).toList());
        if (!targets.isEmpty()) {
            columns.add(targetLabel);
        }
        String noData = language.t("charts.noData");
        List<LineChartView.Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<LineChartView.Cell> cells = new ArrayList<>();
            for (Line line : lines) {
                BigDecimal v = line.values().get(i);
                cells.add(
                        v == null
                                ? new LineChartView.Cell(noData, false)
                                : new LineChartView.Cell(numbers.format(v, shown), true));
            }
            if (!targets.isEmpty()) {
                int period = i;
                BigDecimal target = targets.stream()
                        .filter(t -> t.period() == period)
                        .map(Target::value)
                        .reduce((a, b) -> b)
                        .orElse(null);
                cells.add(
                        target == null
                                ? new LineChartView.Cell("", false)
                                : new LineChartView.Cell(numbers.format(target, shown), true));
            }
            rows.add(new LineChartView.Row(periods.get(i), cells));
        }

        return new LineChartView(
                id,
                title,
                "0 0 " + Svg.n(WIDTH) + " " + Svg.n(HEIGHT),
                empty,
                language.t("charts.empty"),
                shownUnit,
                Svg.n(left),
                Svg.n(WIDTH - 4),
                Svg.n(TOP),
                ticks,
                periodLabels,
                drawn,
                targetPoints,
                legend,
                summary(language, shown, targetLabel),
                shownUnit.isBlank()
                        ? language.t("charts.tableOf", title)
                        : language.t("charts.tableOfIn", title, shownUnit),
                language.t("charts.period"),
                columns,
                rows);
    }

    private String summary(ChartLanguage language, int shown, String targetLabel) {
        ChartNumbers numbers = language.numbers();
        List<String> sentences = new ArrayList<>();
        for (Line line : lines) {
            List<Integer> present = new ArrayList<>();
            for (int i = 0; i < periods.size(); i++) {
                if (line.values().get(i) != null) {
                    present.add(i);
                }
            }
            if (present.isEmpty()) {
                sentences.add(language.t("charts.line.summary.none", line.name()));
                continue;
            }
            int first = present.getFirst();
            int last = present.getLast();
            String firstValue = ChartNumbers.withUnit(
                    numbers.format(Objects.requireNonNull(line.values().get(first)), shown), unit);
            if (first == last) {
                sentences.add(language.t("charts.line.summary.one", line.name(), firstValue, periods.get(first)));
            } else {
                String lastValue = ChartNumbers.withUnit(
                        numbers.format(Objects.requireNonNull(line.values().get(last)), shown), unit);
                sentences.add(language.t(
                        "charts.line.summary.range",
                        line.name(),
                        firstValue,
                        periods.get(first),
                        lastValue,
                        periods.get(last)));
            }
            int gaps = periods.size() - present.size();
            if (gaps > 0 && !line.trajectory()) {
                sentences.add(language.t("charts.line.summary.gaps", line.name(), gaps));
            }
        }
        if (!targets.isEmpty()) {
            List<String> each = targets.stream()
                    .map(t -> ChartNumbers.withUnit(numbers.format(t.value(), shown), unit) + " ("
                            + periods.get(t.period()) + ")")
                    .toList();
            sentences.add(language.t("charts.line.summary.targets", targetLabel, String.join(", ", each)));
        }
        return String.join(" ", sentences);
    }

    /** The smallest n such that every n-th period's name clears the next one shown. */
    static int labelStep(double[] widths, double slot) {
        for (int step = 1; step < widths.length; step++) {
            boolean clear = true;
            for (int i = 0; i + step < widths.length && clear; i += step) {
                clear = (widths[i] + widths[i + step]) / 2 + 8 <= step * slot;
            }
            if (clear) {
                return step;
            }
        }
        return Math.max(1, widths.length);
    }

    /** A period's name in one line, or split at the space nearest its middle when it is long. */
    static List<String> twoLines(String period) {
        if (period.length() <= 8 || !period.contains(" ")) {
            return List.of(period);
        }
        int middle = period.length() / 2;
        int best = -1;
        for (int i = 0; i < period.length(); i++) {
            if (period.charAt(i) == ' ' && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) {
                best = i;
            }
        }
        return Arrays.asList(period.substring(0, best), period.substring(best + 1));
    }
}
