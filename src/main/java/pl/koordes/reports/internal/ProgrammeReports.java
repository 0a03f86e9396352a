package pl.koordes.reports.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.reports.section.ProgrammeReportSection;
import pl.koordes.reports.section.ReportScope;
import pl.koordes.reports.section.ReportSection;

/**
 * The programme report: every module's {@link ProgrammeReportSection} for one scope, in their order, read in
 * one read-only transaction so that the sections agree with each other. Reads nothing itself.
 */
@Service
public class ProgrammeReports {

    /** A built report: what it covers, when it was made and its sections in order. */
    public record Report(ReportScope scope, Instant generatedAt, List<ReportSection> sections) {

        public Report {
            sections = List.copyOf(sections);
        }
    }

    private final List<ProgrammeReportSection> sections;

    ProgrammeReports(List<ProgrammeReportSection> sections) {
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(ProgrammeReportSection::order)
                        .thenComparing(ProgrammeReportSection::name))
                .toList();
    }

    /** The report for {@code scope}; each section runs its own fixed number of statements. */
    @Transactional(readOnly = true)
    public Report build(ReportScope scope, Instant now) {
        return new Report(
                scope,
                now,
                sections.stream().map(section -> section.build(scope)).toList());
    }
}
