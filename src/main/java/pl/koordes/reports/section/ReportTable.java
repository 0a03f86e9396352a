package pl.koordes.reports.section;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A table of a section: a label column and numeric columns. The page draws the column at
 * {@code chartColumn} (an index into {@code columns}) as a bar chart beside the table, one bar per row
 * that is not a total; the PDF gives the chart a text alternative made from the same rows.
 *
 * @param id lower-case letters, digits and hyphens, unique in the report ({@code meetings-by-level})
 * @param caption the table's caption, in the scope's language
 * @param labelHeading the header of the label column ("Województwo")
 * @param chartColumn the column to draw as a chart, or null for a table alone
 */
public record ReportTable(
        String id,
        String caption,
        String labelHeading,
        List<ReportColumn> columns,
        List<ReportRow> rows,
        @Nullable Integer chartColumn) {

    public ReportTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (ReportRow row : rows) {
            if (row.values().size() != columns.size()) {
                throw new IllegalArgumentException("Row \"" + row.label() + "\" of table " + id + " has "
                        + row.values().size() + " values for " + columns.size() + " columns");
            }
        }
        if (chartColumn != null && (chartColumn < 0 || chartColumn >= columns.size())) {
            throw new IllegalArgumentException(
                    "Table " + id + " charts column " + chartColumn + " of " + columns.size());
        }
    }
}
