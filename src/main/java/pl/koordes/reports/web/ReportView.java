package pl.koordes.reports.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import pl.koordes.reports.section.ReportFigure;
import pl.koordes.reports.section.ReportRow;
import pl.koordes.reports.section.ReportSection;
import pl.koordes.reports.section.ReportTable;
import pl.koordes.reports.section.ReportUnit;
import pl.koordes.shared.charts.BarChart;
import pl.koordes.shared.charts.BarChartView;
import pl.koordes.shared.charts.ChartLanguage;
import pl.koordes.shared.charts.ChartNumbers;

/**
 * The report's sections as the page and the PDF show them: every number written in the reader's language with
 * its unit ("12,5 godz.", "87,5%"), "—" where there is none, and for each table with a chart column the bar chart
 * of that column (every row but the totals, in the table's order).
 */
public record ReportView(List<Section> sections) {

    /** A section: its anchor, heading, figures and tables. */
    public record Section(String name, String title, List<Figure> figures, List<Table> tables) {}

    /** A key figure, written out. */
    public record Figure(String label, String value) {}

    /** A table with its cells written out, and its chart (null when it has none). */
    public record Table(
            String id,
            String caption,
            String labelHeading,
            List<String> headings,
            List<Row> rows,
            @Nullable BarChartView chart) {}

    /** A row written out. */
    public record Row(String label, List<String> cells, boolean total) {}

    static ReportView of(List<ReportSection> sections, ChartLanguage language, String hoursUnit, String daysUnit) {
        ChartNumbers numbers = language.numbers();
        List<Section> shown = new ArrayList<>();
        for (ReportSection section : sections) {
            List<Figure> figures = new ArrayList<>();
            for (ReportFigure figure : section.figures()) {
                figures.add(
                        new Figure(figure.label(), text(figure.value(), figure.unit(), numbers, hoursUnit, daysUnit)));
            }
            List<Table> tables = new ArrayList<>();
            for (ReportTable table : section.tables()) {
                List<Row> rows = new ArrayList<>();
                for (ReportRow row : table.rows()) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < table.columns().size(); i++) {
                        cells.add(
                                text(row.values().get(i), table.columns().get(i).unit(), numbers, hoursUnit, daysUnit));
                    }
                    rows.add(new Row(row.label(), cells, row.total()));
                }
                tables.add(new Table(
                        table.id(),
                        table.caption(),
                        table.labelHeading(),
                        table.columns().stream().map(c -> c.heading()).toList(),
                        rows,
                        chart(table, language, hoursUnit, daysUnit)));
            }
            shown.add(new Section(section.name(), section.title(), figures, tables));
        }
        return new ReportView(shown);
    }

    private static @Nullable BarChartView chart(
            ReportTable table, ChartLanguage language, String hoursUnit, String daysUnit) {
        Integer column = table.chartColumn();
        if (column == null) {
            return null;
        }
        ReportUnit unit = table.columns().get(column).unit();
        BarChart chart = BarChart.of("wykres-" + table.id(), table.caption())
                .unit(
                        switch (unit) {
                            case COUNT -> null;
                            case HOURS -> hoursUnit;
                            case DAYS -> daysUnit;
                            case PERCENT -> "%";
                        })
                .decimals(unit == ReportUnit.COUNT ? 0 : 1)
                .counted("reports.chart.rows")
                .categoryHeader(table.labelHeading());
        for (ReportRow row : table.rows()) {
            if (!row.total()) {
                BigDecimal value = row.values().get(column);
                chart.bar(row.label(), value == null || unit != ReportUnit.PERCENT ? value : percent(value));
            }
        }
        return chart.view(language);
    }

    /** A number as the reader reads it, with its unit. */
    static String text(
            @Nullable BigDecimal value, ReportUnit unit, ChartNumbers numbers, String hoursUnit, String daysUnit) {
        if (value == null) {
            return "—";
        }
        return switch (unit) {
            case COUNT -> numbers.format(value, 0);
            case HOURS -> ChartNumbers.withUnit(numbers.format(value, 1), hoursUnit);
            case DAYS -> ChartNumbers.withUnit(numbers.format(value, 1), daysUnit);
            case PERCENT -> ChartNumbers.withUnit(numbers.format(percent(value), 1), "%");
        };
    }

    private static BigDecimal percent(BigDecimal share) {
        return share.movePointRight(2);
    }
}
