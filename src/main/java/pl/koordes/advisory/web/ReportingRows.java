package pl.koordes.advisory.web;

import pl.koordes.advisory.AdvisoryStatus;

/** Rows of the report's own tables (beside the charts' tables), as the template reads them. */
public final class ReportingRows {

    private ReportingRows() {}

    /** A status and how many cases requested in the year are in it now. */
    public record StatusCount(AdvisoryStatus status, long count) {}

    /** A region's hours waiting for the operator's consent, formatted. */
    public record PendingLine(String name, String hours) {}
}
