package pl.koordes.advisory.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import pl.koordes.advisory.AdvisoryStatus;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.reports.section.ProgrammeReportSection;
import pl.koordes.reports.section.ReportColumn;
import pl.koordes.reports.section.ReportFigure;
import pl.koordes.reports.section.ReportScope;
import pl.koordes.reports.section.ReportSection;
import pl.koordes.reports.section.ReportTable;
import pl.koordes.reports.section.ReportTables;
import pl.koordes.reports.section.ReportUnit;
import pl.koordes.shared.i18n.Messages;

/**
 * "Doradztwo" of the programme report, from the same queries as the advisory in numbers ({@link
 * ReportingQueries}, for the report's days instead of a year): hours given by the case's region and by the
 * session's mode (counted hours only; hours waiting for the operator's consent as a figure apart, refused ones
 * nowhere), sessions, and the cases requested in the period by their status now. No expert and no case is
 * named. Three statements: the regions and the two of the advisory in numbers.
 */
@Component
class AdvisoryReportSection implements ProgrammeReportSection {

    private static final List<String> MODES = List.of("IN_PERSON", "ONLINE");

    private final ReportingQueries queries;
    private final Directory directory;
    private final Messages messages;

    AdvisoryReportSection(ReportingQueries queries, Directory directory, Messages messages) {
        this.queries = queries;
        this.directory = directory;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "advisory";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public ReportSection build(ReportScope scope) {
        ReportingQueries.Report report =
                queries.report(scope.first(), scope.last().plusDays(1), scope.regionId());
        Locale locale = scope.locale();
        String totalLabel = messages.get(locale, "advisory.report.total");

        Map<Long, List<@Nullable BigDecimal>> byRegion = new HashMap<>();
        for (ReportingQueries.Line line : report.regions()) {
            byRegion.put(line.key(), List.of(line.counted()));
        }
        List<Long> regionKeys = new ArrayList<>();
        Map<Long, String> regionNames = new HashMap<>();
        for (Region region : directory.regions()) {
            if (scope.regionId() == null || scope.regionId().equals(region.id())) {
                regionKeys.add(region.id());
                regionNames.put(region.id(), region.name(locale));
            }
        }
        Map<String, List<@Nullable BigDecimal>> byMode = new HashMap<>();
        for (ReportingQueries.Line line : report.modes()) {
            byMode.put(MODES.get((int) line.key()), List.of(line.counted()));
        }
        Map<AdvisoryStatus, List<@Nullable BigDecimal>> byStatus = new HashMap<>();
        report.cases().forEach((status, count) -> byStatus.put(status, List.of(ReportTables.count(count))));
        long cases = report.cases().values().stream().mapToLong(Long::longValue).sum();

        List<@Nullable BigDecimal> hours = List.of(report.total().counted());
        List<ReportColumn> hoursColumn =
                List.of(new ReportColumn(messages.get(locale, "advisory.report.hours"), ReportUnit.HOURS));
        return new ReportSection(
                name(),
                messages.get(locale, "advisory.report.title"),
                List.of(
                        new ReportFigure(
                                messages.get(locale, "advisory.report.hoursFigure"),
                                report.total().counted(),
                                ReportUnit.HOURS),
                        ReportFigure.count(messages.get(locale, "advisory.report.sessions"), report.sessions()),
                        new ReportFigure(
                                messages.get(locale, "advisory.report.pending"),
                                report.total().pending(),
                                ReportUnit.HOURS),
                        ReportFigure.count(messages.get(locale, "advisory.report.cases"), cases)),
                List.of(
                        new ReportTable(
                                "advisory-hours-by-region",
                                messages.get(locale, "advisory.report.byRegion"),
                                messages.get(locale, "advisory.report.region"),
                                hoursColumn,
                                ReportTables.rows(
                                        regionKeys,
                                        id -> regionNames.getOrDefault(id, ""),
                                        byRegion,
                                        1,
                                        scope.national() ? totalLabel : null,
                                        hours),
                                0),
                        new ReportTable(
                                "advisory-hours-by-mode",
                                messages.get(locale, "advisory.report.byMode"),
                                messages.get(locale, "advisory.report.mode"),
                                hoursColumn,
                                ReportTables.rows(
                                        MODES,
                                        mode -> messages.get(locale, "advisory.mode." + mode),
                                        byMode,
                                        1,
                                        totalLabel,
                                        hours),
                                0),
                        new ReportTable(
                                "advisory-cases-by-status",
                                messages.get(locale, "advisory.report.byStatus"),
                                messages.get(locale, "advisory.report.status"),
                                List.of(new ReportColumn(
                                        messages.get(locale, "advisory.report.casesColumn"), ReportUnit.COUNT)),
                                ReportTables.rows(
                                        ReportingQueries.STATUSES,
                                        status -> messages.get(locale, "advisory.status." + status.name()),
                                        byStatus,
                                        1,
                                        totalLabel,
                                        List.of(ReportTables.count(cases))),
                                null)));
    }
}
