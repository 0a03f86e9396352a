package pl.koordes.monitoring.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import pl.koordes.directory.Region;
import pl.koordes.reports.section.ProgrammeReportSection;
import pl.koordes.reports.section.ReportColumn;
import pl.koordes.reports.section.ReportFigure;
import pl.koordes.reports.section.ReportRow;
import pl.koordes.reports.section.ReportScope;
import pl.koordes.reports.section.ReportSection;
import pl.koordes.reports.section.ReportTable;
import pl.koordes.reports.section.ReportUnit;
import pl.koordes.shared.i18n.Messages;

/**
 * The monitoring section of the programme report, from what the reporting and analysis pages read: the
 * reporting periods that overlap the report's period (a year: 1 January – 31 December; a half: January – June
 * or July – December), where each region stands in them ({@link ReportingPeriods#progress}: one statement),
 * and the public figures ({@link MonitoringFigureCache}: kept in memory, eight statements when read again).
 *
 * <ul>
 *   <li>a region <b>reported</b> for a period when every indicator of its current programme has a value
 *       submitted or approved in it; it counts among the regions that reported when it did so for every
 *       period of the report;
 *   <li><b>values approved</b>: approved values in those periods;
 *   <li><b>on track, at risk, off track</b>: {@link ProgressRule} on each regional indicator's latest year with
 *       an approved value within the report's years (none: no data) — the status the analysis pages show.
 * </ul>
 */
@Component
class MonitoringReportSection implements ProgrammeReportSection {

    private static final List<ProgressRule.Status> STATUSES = List.of(ProgressRule.Status.values());

    private final ReportingPeriods periods;
    private final MonitoringFigureCache figures;
    private final Messages messages;

    MonitoringReportSection(ReportingPeriods periods, MonitoringFigureCache figures, Messages messages) {
        this.periods = periods;
        this.figures = figures;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "monitoring";
    }

    @Override
    public int order() {
        return 60;
    }

    /** Whether the reporting period overlaps the report's days. */
    static boolean overlaps(ReportingPeriod period, ReportScope scope) {
        boolean half = period.kind() == PeriodKind.HALF && period.half() != null;
        LocalDate first = LocalDate.of(period.year(), half && period.half() == 2 ? 7 : 1, 1);
        LocalDate last =
                half && period.half() == 1 ? LocalDate.of(period.year(), 6, 30) : LocalDate.of(period.year(), 12, 31);
        return !first.isAfter(scope.last()) && !last.isBefore(scope.first());
    }

    /** One region's numbers. */
    private static final class Tally {
        long indicators;
        long periodsReported;
        long approved;
        final Map<ProgressRule.Status, Long> statuses = new EnumMap<>(ProgressRule.Status.class);
    }

    @Override
    public ReportSection build(ReportScope scope) {
        List<Long> periodIds = periods.all().stream()
                .filter(p -> overlaps(p, scope))
                .map(ReportingPeriod::id)
                .toList();
        MonitoringFigures.Snapshot snapshot = figures.snapshot();
        Map<Long, Tally> tallies = new LinkedHashMap<>();
        Map<Long, Region> regions = new LinkedHashMap<>();
        for (Region region : snapshot.regions()) {
            if (scope.regionId() == null || scope.regionId() == region.id()) {
                regions.put(region.id(), region);
                tallies.put(region.id(), new Tally());
            }
        }
        Map<Long, List<ReportingProgress>> progress =
                periods.progress(periodIds, scope.regionId() == null ? null : List.of(scope.regionId()));
        for (List<ReportingProgress> rows : progress.values()) {
            for (ReportingProgress row : rows) {
                Tally tally = tallies.get(row.region().id());
                if (tally != null) {
                    tally.periodsReported += row.complete() ? 1 : 0;
                    tally.approved += row.approved();
                }
            }
        }
        for (MonitoringFigures.RegionalIndicator indicator : snapshot.regional()) {
            Tally tally = tallies.get(indicator.region().id());
            if (tally != null) {
                tally.indicators++;
                tally.statuses.merge(status(indicator, scope), 1L, Long::sum);
            }
        }
        Tally total = new Tally();
        long reported = 0;
        for (Tally tally : tallies.values()) {
            total.indicators += tally.indicators;
            total.approved += tally.approved;
            tally.statuses.forEach((status, n) -> total.statuses.merge(status, n, Long::sum));
            if (!periodIds.isEmpty() && tally.periodsReported == periodIds.size()) {
                reported++;
            }
        }
        total.periodsReported = reported;
        Locale locale = scope.locale();
        List<ReportFigure> figureList = new ArrayList<>();
        figureList.add(ReportFigure.count(t(locale, "figure.periods"), periodIds.size()));
        figureList.add(ReportFigure.count(t(locale, "figure.reported"), reported));
        figureList.add(ReportFigure.count(t(locale, "figure.approved"), total.approved));
        for (ProgressRule.Status status : STATUSES) {
            figureList.add(ReportFigure.count(t(locale, "status." + status.name()), count(total, status)));
        }
        return new ReportSection(
                name(), t(locale, "title"), figureList, List.of(byRegion(locale, regions, tallies, total)));
    }

    /** The indicator's status in the latest of the report's years in which it has an approved value. */
    private static ProgressRule.Status status(MonitoringFigures.RegionalIndicator indicator, ReportScope scope) {
        Integer year = null;
        for (int y : indicator.yearly().keySet()) {
            if (y >= scope.first().getYear() && y <= scope.last().getYear()) {
                year = y;
            }
        }
        return year == null
                ? ProgressRule.Status.NO_DATA
                : indicator.progress(year).status();
    }

    private ReportTable byRegion(Locale locale, Map<Long, Region> regions, Map<Long, Tally> tallies, Tally total) {
        List<ReportRow> rows = new ArrayList<>();
        tallies.forEach((id, tally) -> rows.add(ReportRow.of(regions.get(id).name(locale), values(tally))));
        if (rows.size() > 1) {
            rows.add(ReportRow.totalOf(t(locale, "total"), values(total)));
        }
        List<ReportColumn> columns = new ArrayList<>();
        columns.add(new ReportColumn(t(locale, "column.periodsReported"), ReportUnit.COUNT));
        columns.add(new ReportColumn(t(locale, "figure.approved"), ReportUnit.COUNT));
        columns.add(new ReportColumn(t(locale, "column.indicators"), ReportUnit.COUNT));
        for (ProgressRule.Status status : STATUSES) {
            columns.add(new ReportColumn(t(locale, "status." + status.name()), ReportUnit.COUNT));
        }
        return new ReportTable("monitoring-by-region", t(locale, "byRegion"), t(locale, "region"), columns, rows, 3);
    }

    private static List<@Nullable BigDecimal> values(Tally tally) {
        List<@Nullable BigDecimal> values = new ArrayList<>();
        values.add(BigDecimal.valueOf(tally.periodsReported));
        values.add(BigDecimal.valueOf(tally.approved));
        values.add(BigDecimal.valueOf(tally.indicators));
        for (ProgressRule.Status status : STATUSES) {
            values.add(BigDecimal.valueOf(count(tally, status)));
        }
        return values;
    }

    private static long count(Tally tally, ProgressRule.Status status) {
        return tally.statuses.getOrDefault(status, 0L);
    }

    private String t(Locale locale, String key) {
        return messages.get(locale, "monitoring.report." + key);
    }
}
