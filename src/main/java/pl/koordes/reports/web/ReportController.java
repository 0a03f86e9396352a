package pl.koordes.reports.web;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.reports.internal.ProgrammeReports;
import pl.koordes.reports.internal.ReportPermissions;
import pl.koordes.reports.section.ReportScope;
import pl.koordes.shared.charts.ChartLanguage;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.pdf.AccessiblePdf;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Downloads;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.HeaderLink;
import pl.koordes.shared.web.Page;
import pl.koordes.shared.web.SheetDownloads;

/**
 * The operator's programme report ({@link ProgrammeReports}) for a period and the whole country or one region:
 * {@code GET /raport} (the page: every section's figures, tables and charts), {@code /raport.xlsx} (the
 * workbook) and {@code /raport.pdf} (a tagged PDF/UA document through {@link AccessiblePdf}, in the reader's
 * language, each chart given as the sentence that describes it under its table). The operator and central institutions choose any region or none; a region's coordinator or committee
 * member reads their own region (asking for another is 403). Bad days or an unknown region: the page with the
 * errors, 400, for the files too.
 */
@Controller
class ReportController {

    static final String PAGE = "/raport";

    private final ProgrammeReports reports;
    private final ReportPermissions permissions;
    private final Directory directory;
    private final Messages messages;
    private final TemplateEngine templates;
    private final Clock clock;

    ReportController(
            ProgrammeReports reports,
            ReportPermissions permissions,
            Directory directory,
            Messages messages,
            TemplateEngine templates,
            Clock clock) {
        this.reports = reports;
        this.permissions = permissions;
        this.directory = directory;
        this.messages = messages;
        this.templates = templates;
        this.clock = clock;
    }

    @Bean
    static HeaderLink reportLink(ReportPermissions permissions) {
        return HeaderLink.to(PAGE, "reports.link", 64, permissions::readsSomeRegion);
    }

    @GetMapping(PAGE)
    String page(
            CurrentUser user,
            @RequestParam(name = "od", required = false) @Nullable String od,
            @RequestParam(name = "do", required = false) @Nullable String doDnia,
            @RequestParam(name = "wojewodztwo", required = false) @Nullable String wojewodztwo,
            Page page,
            Model model,
            HttpServletResponse response) {
        Asked asked = ask(user, od, doDnia, wojewodztwo, page.locale());
        ReportRequest request = asked.request();
        model.addAttribute("request", request);
        model.addAttribute("errors", FormErrors.of(request.errors()));
        model.addAttribute("regions", asked.choices());
        model.addAttribute("everyRegion", permissions.readsEveryRegion(user));
        model.addAttribute("today", today());
        if (asked.scope() == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("report", null);
            model.addAttribute("view", null);
            model.addAttribute("regionName", "");
            model.addAttribute("query", "");
            return "reports/report";
        }
        ProgrammeReports.Report report = reports.build(asked.scope(), clock.instant());
        model.addAttribute("report", report);
        model.addAttribute(
                "view",
                ReportView.of(
                        report.sections(),
                        ChartLanguage.of(page),
                        page.t("reports.unit.hours"),
                        page.t("reports.unit.days")));
        model.addAttribute("regionName", regionName(asked.region(), page.locale()));
        model.addAttribute("query", query(asked.scope(), asked.region()));
        return "reports/report";
    }

    @GetMapping(PAGE + ".xlsx")
    @Nullable
    String workbook(
            CurrentUser user,
            @RequestParam(name = "od", required = false) @Nullable String od,
            @RequestParam(name = "do", required = false) @Nullable String doDnia,
            @RequestParam(name = "wojewodztwo", required = false) @Nullable String wojewodztwo,
            Page page,
            Model model,
            HttpServletResponse response)
            throws IOException {
        Locale polish = Locale.forLanguageTag("pl");
        Asked asked = ask(user, od, doDnia, wojewodztwo, polish);
        if (asked.scope() == null) {
            return page(user, od, doDnia, wojewodztwo, page, model, response);
        }
        ProgrammeReports.Report report = reports.build(asked.scope(), clock.instant());
        Downloads.attachment(response, SheetDownloads.XLSX, fileName(asked, "xlsx"));
        ReportWorkbook.write(
                response.getOutputStream(),
                report,
                new ReportWorkbook.Words(
                        messages.get(polish, "reports.xlsx.scopeSheet"),
                        messages.get(polish, "reports.title"),
                        messages.get(polish, "reports.first"),
                        messages.get(polish, "reports.last"),
                        messages.get(polish, "reports.region"),
                        regionName(asked.region(), polish),
                        messages.get(polish, "reports.xlsx.generatedAt"),
                        messages.get(polish, "reports.xlsx.figure"),
                        messages.get(polish, "reports.xlsx.value")));
        return null;
    }

    @GetMapping(PAGE + ".pdf")
    @Nullable
    String pdf(
            CurrentUser user,
            @RequestParam(name = "od", required = false) @Nullable String od,
            @RequestParam(name = "do", required = false) @Nullable String doDnia,
            @RequestParam(name = "wojewodztwo", required = false) @Nullable String wojewodztwo,
            Page page,
            Model model,
            HttpServletResponse response)
            throws IOException {
        Asked asked = ask(user, od, doDnia, wojewodztwo, page.locale());
        ReportScope scope = asked.scope();
        if (scope == null) {
            return page(user, od, doDnia, wojewodztwo, page, model, response);
        }
        ProgrammeReports.Report report = reports.build(scope, clock.instant());
        String regionName = regionName(asked.region(), page.locale());
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("page", page);
        parameters.put("report", report);
        parameters.put(
                "view",
                ReportView.of(
                        report.sections(),
                        ChartLanguage.of(page),
                        page.t("reports.unit.hours"),
                        page.t("reports.unit.days")));
        parameters.put("regionName", regionName);
        parameters.put(
                "title", page.t("reports.pdf.title", page.date(scope.first()), page.date(scope.last()), regionName));
        StringOutput html = new StringOutput();
        templates.render("reports/pdf.jte", parameters, html);
        byte[] pdf = AccessiblePdf.render(html.toString());
        Downloads.attachment(response, "application/pdf", fileName(asked, "pdf"));
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
        return null;
    }

    /** What was asked, checked: the scope to report (null when the request has errors) and the regions offered. */
    record Asked(
            ReportRequest request,
            @Nullable ReportScope scope,
            @Nullable Region region,
            List<Region> choices) {}

    private Asked ask(
            CurrentUser user,
            @Nullable String od,
            @Nullable String doDnia,
            @Nullable String wojewodztwo,
            Locale locale) {
        if (!permissions.readsSomeRegion(user)) {
            throw new AccessDeniedException("programme report");
        }
        List<Region> regions = directory.regions();
        ReportRequest request = ReportRequest.read(od, doDnia, wojewodztwo, today(), regions);
        List<Region> choices = permissions.regionsOf(user, regions);
        Region region = request.region();
        if (region != null && !permissions.readsRegion(user, region.id())) {
            throw new AccessDeniedException("another region's report");
        }
        if (region == null
                && !permissions.readsEveryRegion(user)
                && request.typedRegion().isEmpty()) {
            // A region's people read their own region's report: the first of theirs.
            region = choices.isEmpty() ? null : choices.getFirst();
        }
        if (!request.valid() || request.first() == null || request.last() == null) {
            return new Asked(request, null, region, choices);
        }
        if (region == null && !permissions.readsEveryRegion(user)) {
            throw new AccessDeniedException("the whole country's report");
        }
        return new Asked(
                request,
                new ReportScope(request.first(), request.last(), region == null ? null : region.id(), locale),
                region,
                choices);
    }

    private String regionName(@Nullable Region region, Locale locale) {
        return region == null ? messages.get(locale, "reports.wholeCountry") : region.name(locale);
    }

    private static String query(ReportScope scope, @Nullable Region region) {
        return "?od=" + scope.first() + "&do=" + scope.last() + (region == null ? "" : "&wojewodztwo=" + region.slug());
    }

    private static String fileName(Asked asked, String extension) {
        ReportScope scope = asked.scope();
        Region region = asked.region();
        return "raport-programu-" + (scope == null ? "" : scope.first() + "-" + scope.last())
                + (region == null ? "" : "-" + region.slug()) + "." + extension;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.ZONE));
    }
}
