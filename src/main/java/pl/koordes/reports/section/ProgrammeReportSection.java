package pl.koordes.reports.section;

/**
 * One section of the operator's programme report, supplied by the module that owns its data. Sections
 * appear in ascending {@link #order()}. {@link #build(ReportScope)} runs a fixed number of statements,
 * whatever the number of events, people or answers in the period (a statement-count test holds each
 * section to it), and returns only counts: no person is named in a report.
 */
public interface ProgrammeReportSection {

    /**
     * The section's name: lower-case letters and hyphens, unique in the report ({@code meetings}); the
     * page's anchor and the start of the workbook's sheet name.
     */
    String name();

    /** Position in the report; lower comes first (meetings 10, participants 20, advisory 30, surveys 40, postulates 50, monitoring 60). */
    int order();

    /** The section's numbers for this period and, when the scope names one, region, in the scope's language. */
    ReportSection build(ReportScope scope);
}
