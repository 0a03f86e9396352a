package pl.koordes.monitoring.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;
import pl.koordes.directory.MapShape;
import pl.koordes.monitoring.internal.MonitoringFigures;
import pl.koordes.monitoring.internal.MonitoringFigures.NationalFigures;
import pl.koordes.monitoring.internal.MonitoringFigures.RegionRow;
import pl.koordes.monitoring.internal.MonitoringFigures.RegionalIndicator;
import pl.koordes.shared.charts.BarChart;
import pl.koordes.shared.charts.BarChartView;
import pl.koordes.shared.charts.ChartLanguage;
import pl.koordes.shared.charts.Choropleth;
import pl.koordes.shared.charts.ChoroplethView;
import pl.koordes.shared.charts.LineChart;
import pl.koordes.shared.charts.LineChartView;
import pl.koordes.shared.charts.MapArea;
import pl.koordes.shared.web.Page;

/** The analysis pages' pictures, drawn by the shared chart component (each with its legend, sentence and table). */
final class AnalysisCharts {

    private AnalysisCharts() {}

    /** A regional indicator's yearly values against its trajectory, with its final target. */
    static LineChartView regional(Page page, RegionalIndicator indicator, List<Integer> years) {
        List<String> periods = years.stream().map(String::valueOf).toList();
        List<@Nullable BigDecimal> values = new ArrayList<>();
        List<@Nullable BigDecimal> plan = new ArrayList<>();
        for (int year : years) {
            values.add(indicator.yearly().get(year));
            plan.add(indicator.expected(year));
        }
        LineChart chart = LineChart.of(
                        "wskaznik-regionu", page.t("monitoring.analysis.chart.regional", indicator.code()), periods)
                .unit(indicator.unit())
                .series(page.t("monitoring.analysis.chart.values"), values)
                .trajectory(page.t("monitoring.analysis.chart.trajectory"), plan)
                .decimals(2);
        addFinalTarget(chart, indicator.targets(), periods);
        return chart.view(ChartLanguage.of(page));
    }

    /** A KPRES indicator's national figure per year against its trajectory. */
    static LineChartView national(Page page, NationalFigures figures) {
        List<Integer> years = new ArrayList<>(figures.years().keySet());
        List<String> periods = years.stream().map(String::valueOf).toList();
        List<@Nullable BigDecimal> values = new ArrayList<>();
        List<@Nullable BigDecimal> plan = new ArrayList<>();
        for (MonitoringFigures.YearFigure year : figures.years().values()) {
            values.add(year.value());
            plan.add(year.expected());
        }
        LineChart chart = LineChart.of(
                        "wskaznik-kraju",
                        page.t(
                                "monitoring.analysis.chart.national",
                                figures.indicator().code()),
                        periods)
                .unit(figures.indicator().unit())
                .series(page.t("monitoring.analysis.chart.nationalValues"), values)
                .trajectory(page.t("monitoring.analysis.chart.trajectory"), plan)
                .decimals(2);
        addFinalTarget(chart, figures.indicator().plan(), periods);
        return chart.view(ChartLanguage.of(page));
    }

    private static void addFinalTarget(LineChart chart, SortedMap<Integer, BigDecimal> targets, List<String> periods) {
        if (!targets.isEmpty() && periods.contains(String.valueOf(targets.lastKey()))) {
            chart.target(String.valueOf(targets.lastKey()), targets.get(targets.lastKey()));
        }
    }

    /** The regions' values in a year as bars, highest first. */
    static BarChartView bars(Page page, String id, NationalFigures figures, List<RegionRow> rows, int year) {
        BarChart chart = BarChart.of(
                        id,
                        page.t(
                                "monitoring.analysis.chart.bars",
                                figures.indicator().code(),
                                figures.indicator().name(page.locale()),
                                year))
                .unit(figures.indicator().unit())
                .decimals(2);
        for (RegionRow row : rows) {
            RegionalIndicator indicator = row.indicator();
            chart.bar(
                    row.region().name(page.locale()),
                    row.value(),
                    indicator == null ? null : href(indicator),
                    note(page, indicator, year));
        }
        return chart.sortedByValue().view(ChartLanguage.of(page));
    }

    /** The regions' values in a year on the map. */
    static ChoroplethView map(
            Page page, NationalFigures figures, List<RegionRow> rows, int year, List<MapShape> shapes, String viewBox) {
        Map<Long, RegionRow> byRegion = new HashMap<>();
        rows.forEach(r -> byRegion.put(r.region().id(), r));
        List<MapArea> areas = new ArrayList<>();
        for (MapShape shape : shapes) {
            RegionRow row = byRegion.get(shape.region().id());
            RegionalIndicator indicator = row == null ? null : row.indicator();
            areas.add(new MapArea(
                    shape.region().slug(),
                    shape.region().name(page.locale()),
                    shape.path(),
                    shape.labelX(),
                    shape.labelY(),
                    indicator == null ? shape.region().href() : href(indicator)));
        }
        Choropleth chart = Choropleth.of(
                        "mapa",
                        page.t(
                                "monitoring.analysis.chart.map",
                                figures.indicator().code(),
                                figures.indicator().name(page.locale()),
                                year),
                        areas,
                        viewBox)
                .unit(figures.indicator().unit())
                .decimals(2);
        for (RegionRow row : rows) {
            chart.value(row.region().slug(), row.value());
            String note = note(page, row.indicator(), year);
            if (note != null) {
                chart.note(row.region().slug(), note);
            }
        }
        return chart.view(ChartLanguage.of(page));
    }

    private static String href(RegionalIndicator indicator) {
        return "/monitoring/regiony/" + indicator.region().slug() + "/wskazniki/" + indicator.code();
    }

    /** "dane w przygotowaniu" where the region's approved report for the year says the data are not ready. */
    private static @Nullable String note(Page page, @Nullable RegionalIndicator indicator, int year) {
        if (indicator == null || indicator.yearly().containsKey(year)) {
            return null;
        }
        boolean preparing = indicator.values().stream().anyMatch(v -> v.year() == year && v.notAvailable());
        return preparing ? page.t("monitoring.analysis.notAvailable") : null;
    }
}
