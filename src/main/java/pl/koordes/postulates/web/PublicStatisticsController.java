package pl.koordes.postulates.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import pl.koordes.directory.CentralInstitution;
import pl.koordes.directory.Directory;
import pl.koordes.postulates.internal.PublicStatistics;
import pl.koordes.postulates.internal.PublicStatistics.Figures;
import pl.koordes.postulates.internal.PublicStatistics.Statistics;
import pl.koordes.shared.charts.BarChart;
import pl.koordes.shared.charts.ChartLanguage;
import pl.koordes.shared.web.Downloads;
import pl.koordes.shared.web.Page;
import pl.koordes.shared.web.PageFactory;
import pl.koordes.shared.web.PublicPage;
import pl.koordes.shared.web.SheetDownloads;

/**
 * How each addressee answers ({@link PublicStatistics}): the answered share as bars beside the table of
 * every figure, the totals, a year filter, and the same table as CSV and XLSX. The same for every visitor.
 */
@Controller
class PublicStatisticsController {

    static final List<String> HEADER = List.of(
            "adresat",
            "adresat_skrot",
            "przekazane",
            "wymagajace_odpowiedzi",
            "z_odpowiedzia",
            "odsetek_z_odpowiedzia",
            "mediana_dni_do_odpowiedzi",
            "po_terminie");

    private final PublicStatistics statistics;
    private final Directory directory;
    private final PageFactory pages;

    PublicStatisticsController(PublicStatistics statistics, Directory directory, PageFactory pages) {
        this.statistics = statistics;
        this.directory = directory;
        this.pages = pages;
    }

    @PublicPage
    @GetMapping("/postulaty/statystyki")
    String page(@RequestParam(name = "rok", required = false) @Nullable String year, Page page, Model model) {
        Integer y = year == null ? null : PublicListQuery.year(year);
        Statistics figures = statistics.of(y);
        List<StatisticsLine> lines = lines(figures);
        BarChart chart = BarChart.of("odsetek-odpowiedzi", page.t("postulates.public.stats.chart"))
                .unit("%")
                .decimals(0)
                .counted("postulates.public.stats.institutions")
                .categoryHeader(page.t("postulates.public.stats.addressee"));
        for (StatisticsLine line : lines) {
            chart.bar(
                    line.label(),
                    line.figures().answeredPercent().map(BigDecimal::valueOf).orElse(null),
                    null,
                    line.figures().answeredPercent().isPresent() ? null : page.t("postulates.public.stats.noneDue"));
        }
        model.addAttribute("lines", lines);
        model.addAttribute("totals", figures.totals());
        model.addAttribute("chart", chart.view(ChartLanguage.of(page)));
        model.addAttribute("numbers", ChartLanguage.of(page).numbers());
        model.addAttribute("years", statistics.years());
        model.addAttribute("year", y == null ? "" : y.toString());
        return "postulates/accountability/statistics";
    }

    @GetMapping("/postulaty/statystyki.csv")
    void csv(
            @RequestParam(name = "rok", required = false) @Nullable String year,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Integer y = year == null ? null : PublicListQuery.year(year);
        Statistics figures = statistics.of(y);
        Page page = pages.of(request);
        Downloads.attachment(response, SheetDownloads.CSV, name(y, "csv"));
        SheetDownloads.csv(response.getOutputStream(), HEADER, writer -> rows(page, figures, writer));
    }

    @GetMapping("/postulaty/statystyki.xlsx")
    void xlsx(
            @RequestParam(name = "rok", required = false) @Nullable String year,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Integer y = year == null ? null : PublicListQuery.year(year);
        Statistics figures = statistics.of(y);
        Page page = pages.of(request);
        Downloads.attachment(response, SheetDownloads.XLSX, name(y, "xlsx"));
        SheetDownloads.xlsx(
                response.getOutputStream(),
                page.t("postulates.public.stats.sheet"),
                HEADER,
                writer -> rows(page, figures, writer));
    }

    private static String name(@Nullable Integer year, String extension) {
        return "postulaty-statystyki" + (year == null ? "" : "-" + year) + "." + extension;
    }

    private void rows(Page page, Statistics figures, SheetDownloads.Writer writer) throws IOException {
        for (StatisticsLine line : lines(figures)) {
            writer.row(cells(line.name(), line.label(), line.figures()));
        }
        writer.row(cells(page.t("postulates.public.stats.total"), null, figures.totals()));
    }

    private static List<@Nullable Object> cells(String name, @Nullable String label, Figures f) {
        List<@Nullable Object> cells = new ArrayList<>();
        cells.add(name);
        cells.add(label);
        cells.add(f.forwarded());
        cells.add(f.needingAnswer());
        cells.add(f.answered());
        cells.add(f.answeredPercent()
                .map(p -> BigDecimal.valueOf(p).setScale(1, RoundingMode.HALF_UP))
                .orElse(null));
        cells.add(
                f.medianDays() == null
                        ? null
                        : BigDecimal.valueOf(f.medianDays())
                                .setScale(1, RoundingMode.HALF_UP)
                                .stripTrailingZeros());
        cells.add(f.overdue());
        return cells;
    }

    /** The addressees with their names, by name. */
    private List<StatisticsLine> lines(Statistics figures) {
        Map<Long, CentralInstitution> institutions = directory.centralInstitutions().stream()
                .collect(Collectors.toMap(CentralInstitution::id, Function.identity()));
        return figures.addressees().stream()
                .map(f -> {
                    CentralInstitution institution = institutions.get(f.addresseeId());
                    return institution == null
                            ? new StatisticsLine("—", "—", f)
                            : new StatisticsLine(institution.name(), institution.label(), f);
                })
                .sorted(Comparator.comparing(StatisticsLine::label))
                .toList();
    }
}
