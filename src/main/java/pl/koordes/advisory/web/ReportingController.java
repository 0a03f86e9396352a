package pl.koordes.advisory.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import pl.koordes.advisory.AdvisoryStatus;
import pl.koordes.advisory.internal.AdvisoryPermissions;
import pl.koordes.advisory.internal.ReportingExports;
import pl.koordes.advisory.internal.ReportingQueries;
import pl.koordes.advisory.internal.ReportingQueries.Line;
import pl.koordes.advisory.internal.ReportingQueries.Report;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.shared.charts.BarChart;
import pl.koordes.shared.charts.BarChartView;
import pl.koordes.shared.charts.ChartLanguage;
import pl.koordes.shared.charts.ChartNumbers;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Downloads;
import pl.koordes.shared.web.Page;
import pl.koordes.shared.web.SheetDownloads;

/**
 * The advisory in numbers ({@link ReportingQueries}) for the operator and central institutions: hours per region,
 * expert, topic and month as bars with their tables, cases by status, ratings, hours waiting for consent apart;
 * and the operator's files of cases and sessions ({@link ReportingExports}, every download audited). Central
 * institutions see aggregates only: no expert's name (the per-expert figures are the operator's, being about
 * the work of named people) and nothing that leads into a case.
 */
// Named: monitoring has a ReportingController too.
@Controller("advisoryReportingController")
class ReportingController {

    /** The statuses in the order the table lists them. */
    static final List<AdvisoryStatus> STATUSES = ReportingQueries.STATUSES;

    private static final int FIRST_YEAR = 2000;

    private final ReportingQueries queries;
    private final ReportingExports exports;
    private final AdvisoryPermissions permissions;
    private final Directory directory;
    private final Messages messages;
    private final Clock clock;

    ReportingController(
            ReportingQueries queries,
            ReportingExports exports,
            AdvisoryPermissions permissions,
            Directory directory,
            Messages messages,
            Clock clock) {
        this.queries = queries;
        this.exports = exports;
        this.permissions = permissions;
        this.directory = directory;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/doradztwo/zestawienia")
    String report(
            CurrentUser user,
            @RequestParam(name = "rok", required = false) @Nullable String rok,
            @RequestParam(name = "wojewodztwo", required = false) @Nullable String wojewodztwo,
            Page page,
            Model model) {
        if (!permissions.canReadAggregates(user)) {
            throw new AccessDeniedException("advisory aggregates");
        }
        boolean operator = permissions.isOperator(user);
        int current = currentYear();
        int year = year(rok, current);
        List<Region> regions = directory.regions();
        Region region = region(wojewodztwo, regions);
        Report report = queries.report(year, region == null ? null : region.id());
        Integer first = queries.firstYear();
        List<Integer> years = new ArrayList<>();
        for (int y = current; y >= Math.min(year, first == null ? current : Math.max(FIRST_YEAR, first)); y--) {
            years.add(y);
        }
        ChartLanguage language = ChartLanguage.of(page);
        Locale locale = page.locale();
        String unit = page.t("advisory.reporting.unit");

        BarChart byRegion = BarChart.of(
                        "godziny-wojewodztwa", page.t("advisory.reporting.chart.regions", Integer.toString(year)))
                .unit(unit)
                .decimals(2)
                .sortedByValue();
        Map<Long, Line> regionLines =
                report.regions().stream().collect(Collectors.toMap(Line::key, Function.identity()));
        for (Region r : region == null ? regions : List.of(region)) {
            Line line = regionLines.get(r.id());
            byRegion.bar(r.name(locale), line == null ? BigDecimal.ZERO : line.counted());
        }

        BarChartView byExpert = null;
        if (operator) {
            BarChart experts = BarChart.of(
                            "godziny-eksperci", page.t("advisory.reporting.chart.experts", Integer.toString(year)))
                    .unit(unit)
                    .decimals(2)
                    .counted("advisory.reporting.count.experts")
                    .categoryHeader(page.t("advisory.reporting.expert"))
                    .sortedByValue();
            for (Line line : report.experts()) {
                experts.bar(
                        line.namePl().isEmpty() ? page.t("advisory.reporting.expertGone") : line.namePl(),
                        line.counted());
            }
            byExpert = experts.view(language);
        }

        BarChart byTopic = BarChart.of(
                        "godziny-tematy", page.t("advisory.reporting.chart.topics", Integer.toString(year)))
                .unit(unit)
                .decimals(2)
                .counted("advisory.reporting.count.topics")
                .categoryHeader(page.t("advisory.reporting.topic"))
                .sortedByValue();
        for (Line line : report.topics()) {
            byTopic.bar(line.name(locale), line.counted());
        }

        BarChart byMonth = BarChart.of(
                        "godziny-miesiace", page.t("advisory.reporting.chart.months", Integer.toString(year)))
                .unit(unit)
                .decimals(2)
                .counted("advisory.reporting.count.months")
                .categoryHeader(page.t("advisory.reporting.month"));
        Map<Long, Line> monthLines = report.months().stream().collect(Collectors.toMap(Line::key, Function.identity()));
        for (Month month : Month.values()) {
            Line line = monthLines.get((long) month.getValue());
            String name = month.getDisplayName(TextStyle.FULL_STANDALONE, locale);
            byMonth.bar(
                    name.substring(0, 1).toUpperCase(locale) + name.substring(1),
                    line == null ? BigDecimal.ZERO : line.counted());
        }

        ChartNumbers numbers = language.numbers();
        List<ReportingRows.PendingLine> pending = report.regions().stream()
                .filter(line -> line.pending().signum() > 0)
                .map(line -> new ReportingRows.PendingLine(line.name(locale), numbers.format(line.pending(), 2)))
                .toList();
        boolean anyData = report.sessions() > 0;

        model.addAttribute("report", report);
        model.addAttribute("operator", operator);
        model.addAttribute("years", years);
        model.addAttribute("regions", regions);
        model.addAttribute("regionSlug", region == null ? "" : region.slug());
        model.addAttribute("regionName", region == null ? "" : region.name(locale));
        model.addAttribute("byRegion", byRegion.view(language));
        model.addAttribute("byExpert", byExpert);
        model.addAttribute("byTopic", byTopic.view(language));
        model.addAttribute("byMonth", byMonth.view(language));
        model.addAttribute("anyData", anyData);
        model.addAttribute(
                "statuses",
                STATUSES.stream()
                        .map(s ->
                                new ReportingRows.StatusCount(s, report.cases().getOrDefault(s, 0L)))
                        .toList());
        model.addAttribute(
                "casesTotal",
                report.cases().values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("pending", pending);
        BigDecimal average = report.averageRating();
        model.addAttribute("average", average == null ? "" : numbers.format(average, 2));
        model.addAttribute("exportQuery", "?rok=" + year + (region == null ? "" : "&wojewodztwo=" + region.slug()));
        return "advisory/reporting/report";
    }

    @GetMapping("/doradztwo/zestawienia/sprawy.csv")
    void casesCsv(
            CurrentUser user,
            @RequestParam(name = "rok", required = false) @Nullable String rok,
            @RequestParam(name = "wojewodztwo", required = false) @Nullable String wojewodztwo,
            HttpServletResponse response)
            throws IOException {
        export(ReportingExports.What.CASES, false, exportFilter(user, rok, wojewodztwo), response);
    }

    @GetMapping("/doradztwo/zestawienia/sprawy.xlsx")
    void casesXlsx(
            CurrentUser user,
            @RequestParam(name = "rok", required = false) @Nullable String rok,
            @RequestParam(name = "wojewodztwo", required = false) @Nullable String wojewodztwo,
            HttpServletResponse response)
            throws IOException {
        export(ReportingExports.What.CASES, true, exportFilter(user, rok, wojewodztwo), response);
    }

    @GetMapping("/doradztwo/zestawienia/sesje.csv")
    void sessionsCsv(
            CurrentUser user,
            @RequestParam(name = "rok", required = false) @Nullable String rok,
            @RequestParam(name = "wojewodztwo", required = false) @Nullable String wojewodztwo,
            HttpServletResponse response)
            throws IOException {
        export(ReportingExports.What.SESSIONS, false, exportFilter(user, rok, wojewodztwo), response);
    }

    @GetMapping("/doradztwo/zestawienia/sesje.xlsx")
    void sessionsXlsx(
            CurrentUser user,
            @RequestParam(name = "rok", required = false) @Nullable String rok,
            @RequestParam(name = "wojewodztwo", required = false) @Nullable String wojewodztwo,
            HttpServletResponse response)
            throws IOException {
        export(ReportingExports.What.SESSIONS, true, exportFilter(user, rok, wojewodztwo), response);
    }

    /** One file of cases or sessions, recorded in the audit log before it is written. */
    private void export(
            ReportingExports.What what, boolean xlsx, ReportingExports.Filter filter, HttpServletResponse response)
            throws IOException {
        boolean cases = what == ReportingExports.What.CASES;
        exports.recordExport(what, xlsx ? "XLSX" : "CSV", filter);
        List<String> header = cases ? ReportingExports.casesHeader() : ReportingExports.sessionsHeader();
        SheetDownloads.Rows rows = writer -> {
            if (cases) {
                exports.cases(filter, this::polish, writer::row);
            } else {
                exports.sessions(filter, this::polish, writer::row);
            }
        };
        String file = fileName(cases ? "sprawy" : "sesje", filter, xlsx ? "xlsx" : "csv");
        Downloads.attachment(response, xlsx ? SheetDownloads.XLSX : SheetDownloads.CSV, file);
        if (xlsx) {
            SheetDownloads.xlsx(response.getOutputStream(), cases ? "Sprawy" : "Sesje", header, rows);
        } else {
            SheetDownloads.csv(response.getOutputStream(), header, rows);
        }
    }

    /** The files are the operator's: they name experts and cases. A year or region that means nothing is left out. */
    private ReportingExports.Filter exportFilter(CurrentUser user, @Nullable String rok, @Nullable String wojewodztwo) {
        if (!permissions.isOperator(user)) {
            throw new AccessDeniedException("advisory exports");
        }
        Integer year = rok == null || rok.isBlank() ? null : parsedYear(rok, currentYear());
        Region region = region(wojewodztwo, directory.regions());
        return new ReportingExports.Filter(year, region == null ? null : region.id());
    }

    private static String fileName(String what, ReportingExports.Filter filter, String extension) {
        return "doradztwo-" + what + (filter.year() == null ? "" : "-" + filter.year()) + "." + extension;
    }

    /** Labels in the files are Polish whatever the page's language: a file is passed on. */
    private String polish(String key) {
        return messages.get(Locale.forLanguageTag("pl"), key);
    }

    private int currentYear() {
        return LocalDate.now(clock.withZone(Formats.ZONE)).getYear();
    }

    /** The year asked for, or the current one when the value is not a plausible year. */
    private static int year(@Nullable String rok, int current) {
        if (rok == null) {
            return current;
        }
        Integer parsed = parsedYear(rok, current);
        return parsed == null ? current : parsed;
    }

    private static @Nullable Integer parsedYear(String rok, int current) {
        if (!rok.matches("\\d{4}")) {
            return null;
        }
        int value = Integer.parseInt(rok);
        return value < FIRST_YEAR || value > current + 1 ? null : value;
    }

    private static @Nullable Region region(@Nullable String slug, List<Region> regions) {
        if (slug == null || slug.isBlank()) {
            return null;
        }
        return regions.stream().filter(r -> r.slug().equals(slug)).findFirst().orElse(null);
    }
}
