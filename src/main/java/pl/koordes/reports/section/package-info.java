/**
 * The programme report's extension point: a module that has something to report (meetings, advisory hours,
 * survey responses, postulates, monitoring) registers a {@link pl.koordes.reports.section.ProgrammeReportSection}
 * bean that reads only its own tables; the reports module lays the sections out as a page, a workbook and a
 * PDF and never reads another module's tables. Modules depend on {@code reports :: report-section}.
 */
@NamedInterface("report-section")
@NullMarked
package pl.koordes.reports.section;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
