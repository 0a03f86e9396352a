package pl.koordes.reports.section;

/**
 * A numeric column of a {@link ReportTable}.
 *
 * @param heading the column's header, in the scope's language ("Uczestnicy")
 * @param unit how its numbers read
 */
public record ReportColumn(String heading, ReportUnit unit) {}
