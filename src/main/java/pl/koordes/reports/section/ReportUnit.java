package pl.koordes.reports.section;

/**
 * How a number of the report reads, on the page, in the workbook (as a number with this format, never as
 * text) and in the PDF.
 */
public enum ReportUnit {
    /** A whole number of things or people. */
    COUNT,
    /** Hours, with one decimal (advisory hours). */
    HOURS,
    /** Days, with one decimal (time to answer). */
    DAYS,
    /** A share: the value is a fraction from 0 to 1, shown as a percentage with one decimal. */
    PERCENT
}
