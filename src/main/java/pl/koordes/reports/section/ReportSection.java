package pl.koordes.reports.section;

import java.util.List;

/**
 * A section of the report: a heading, a few key figures (the totals a reader looks for first) and tables,
 * each of which the page may draw as a chart beside it.
 *
 * @param name the {@link ProgrammeReportSection#name()} of the section that built it
 * @param title the heading, in the scope's language ("Spotkania")
 * @param figures key figures, in order
 * @param tables tables, in order; a table with no rows still appears, with a sentence that there is nothing
 */
public record ReportSection(String name, String title, List<ReportFigure> figures, List<ReportTable> tables) {

    public ReportSection {
        figures = List.copyOf(figures);
        tables = List.copyOf(tables);
    }
}
