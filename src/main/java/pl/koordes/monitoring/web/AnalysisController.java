package pl.koordes.monitoring.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import pl.koordes.directory.PolandMap;
import pl.koordes.monitoring.internal.MonitoringFigureCache;
import pl.koordes.monitoring.internal.MonitoringFigures;
import pl.koordes.monitoring.internal.MonitoringFigures.NationalFigures;
import pl.koordes.monitoring.internal.MonitoringFigures.RegionalIndicator;
import pl.koordes.monitoring.internal.MonitoringFigures.Snapshot;
import pl.koordes.monitoring.internal.ProgressRule;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.web.Downloads;
import pl.koordes.shared.web.Page;
import pl.koordes.shared.web.PageFactory;
import pl.koordes.shared.web.PublicPage;

/**
 * The public analysis of monitoring (issue 12, items 5–7): the national dashboard, a KPRES indicator and a
 * regional indicator with their figures, the coherence matrix (with its XLSX and CSV), the choropleth map and
 * the comparison of regions. Only approved values appear ({@link MonitoringFigures}); every page is the same
 * for every visitor (read from {@link MonitoringFigureCache}), so it is a {@link PublicPage}, and {@link AnalysisPageCache} empties the page cache when
 * monitoring changes.
 */
@Controller
class AnalysisController {

    private final MonitoringFigureCache figures;
    private final PolandMap map;
    private final PageFactory pages;

    AnalysisController(MonitoringFigureCache figures, PolandMap map, PageFactory pages) {
        this.figures = figures;
        this.map = map;
        this.pages = pages;
    }

    @PublicPage
    @GetMapping("/monitoring")
    String dashboard(Model model) {
        Snapshot snapshot = figures.snapshot();
        List<NationalFigures> all = snapshot.allFigures();
        Map<ProgressRule.Status, Integer> summary = new EnumMap<>(ProgressRule.Status.class);
        all.forEach(f -> summary.merge(f.status(), 1, Integer::sum));
        model.addAttribute("figures", all);
        model.addAttribute("summary", summary);
        model.addAttribute("matrix", snapshot.matrix());
        return "monitoring/analysis/dashboard";
    }

    @PublicPage
    @GetMapping("/monitoring/kpres/wskazniki/{code}")
    String nationalIndicator(@PathVariable String code, Page page, Model model) {
        Snapshot snapshot = figures.snapshot();
        MonitoringFigures.NationalIndicator indicator =
                snapshot.national(code).orElseThrow(() -> new NotFound("national-indicator", code));
        NationalFigures national = snapshot.figures(indicator);
        List<Integer> years = national.yearsWithValues();
        Integer year = years.isEmpty() ? null : years.getLast();
        model.addAttribute("figures", national);
        model.addAttribute(
                "direction", snapshot.direction(indicator.directionId()).orElse(null));
        model.addAttribute("year", year);
        List<MonitoringFigures.RegionRow> rows = year == null ? List.of() : snapshot.regionRows(national, year);
        model.addAttribute("rows", rows);
        model.addAttribute("line", AnalysisCharts.national(page, national));
        model.addAttribute(
                "bars", year == null ? null : AnalysisCharts.bars(page, "regiony-w-roku", national, rows, year));
        return "monitoring/analysis/nationalIndicator";
    }

    @PublicPage
    @GetMapping("/monitoring/regiony/{slug}/wskazniki/{code}")
    String regionalIndicator(@PathVariable String slug, @PathVariable String code, Page page, Model model) {
        Snapshot snapshot = figures.snapshot();
        RegionalIndicator indicator =
                snapshot.regional(slug, code).orElseThrow(() -> new NotFound("indicator", slug + "/" + code));
        MonitoringFigures.NationalIndicator national = indicator.nationalId() == null
                ? null
                : snapshot.national().stream()
                        .filter(n -> n.id() == indicator.nationalId())
                        .findFirst()
                        .orElse(null);
        List<Integer> years = new ArrayList<>(indicator.targets().keySet());
        indicator.yearly().keySet().stream().filter(y -> !years.contains(y)).forEach(years::add);
        years.sort(Comparator.naturalOrder());
        model.addAttribute("indicator", indicator);
        model.addAttribute("national", national);
        model.addAttribute("years", years);
        model.addAttribute("line", AnalysisCharts.regional(page, indicator, years));
        return "monitoring/analysis/regionalIndicator";
    }

    @PublicPage
    @GetMapping("/monitoring/spojnosc")
    String matrix(Model model) {
        model.addAttribute("matrix", figures.snapshot().matrix());
        model.addAttribute("header", CoherenceDownloads.HEADER);
        return "monitoring/analysis/matrix";
    }

    @GetMapping("/monitoring/spojnosc.csv")
    void matrixCsv(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Page page = pages.of(request);
        MonitoringFigures.Matrix matrix = figures.snapshot().matrix();
        Downloads.attachment(response, "text/csv;charset=UTF-8", "spojnosc-programow.csv");
        CoherenceDownloads.csv(response.getOutputStream(), page, matrix);
    }

    @GetMapping("/monitoring/spojnosc.xlsx")
    void matrixXlsx(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Page page = pages.of(request);
        MonitoringFigures.Matrix matrix = figures.snapshot().matrix();
        Downloads.attachment(
                response,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "spojnosc-programow.xlsx");
        CoherenceDownloads.xlsx(response.getOutputStream(), page, matrix);
    }

    @PublicPage
    @GetMapping("/monitoring/mapa")
    String choropleth(
            @RequestParam(name = "wskaznik", required = false) @Nullable String code,
            @RequestParam(name = "rok", required = false) @Nullable Integer year,
            Page page,
            Model model) {
        Choice choice = choice(code, year, model);
        model.addAttribute(
                "chart",
                choice.figures() == null || choice.year() == null
                        ? null
                        : AnalysisCharts.map(
                                page, choice.figures(), choice.rows(), choice.year(), map.shapes(), map.viewBox()));
        return "monitoring/analysis/choropleth";
    }

    @PublicPage
    @GetMapping("/monitoring/porownanie")
    String comparison(
            @RequestParam(name = "wskaznik", required = false) @Nullable String code,
            @RequestParam(name = "rok", required = false) @Nullable Integer year,
            Page page,
            Model model) {
        Choice choice = choice(code, year, model);
        model.addAttribute(
                "chart",
                choice.figures() == null || choice.year() == null
                        ? null
                        : AnalysisCharts.bars(page, "porownanie", choice.figures(), choice.rows(), choice.year()));
        return "monitoring/analysis/comparison";
    }

    /**
     * The map's and the comparison's model: the KPRES indicators regions have mapped indicators to (the map
     * shows each region's own indicator mapped to the chosen KPRES indicator), the chosen one (the first by
     * default), its years with values and the chosen year (the latest by default), and a row per region.
     */
    private record Choice(
            @Nullable NationalFigures figures, @Nullable Integer year, List<MonitoringFigures.RegionRow> rows) {}

    private Choice choice(@Nullable String code, @Nullable Integer year, Model model) {
        Snapshot snapshot = figures.snapshot();
        List<MonitoringFigures.NationalIndicator> choices = snapshot.mappedNational();
        MonitoringFigures.NationalIndicator chosen;
        if (code == null || code.isBlank()) {
            chosen = choices.isEmpty() ? null : choices.getFirst();
        } else {
            chosen = choices.stream()
                    .filter(n -> n.code().equals(code))
                    .findFirst()
                    .orElseThrow(() -> new NotFound("national-indicator", code));
        }
        NationalFigures national = chosen == null ? null : snapshot.figures(chosen);
        List<Integer> years = national == null ? List.of() : national.yearsWithValues();
        Integer shown = year != null ? year : (years.isEmpty() ? null : years.getLast());
        List<MonitoringFigures.RegionRow> rows =
                national == null || shown == null ? List.of() : snapshot.regionRows(national, shown);
        model.addAttribute("choices", choices);
        model.addAttribute("figures", national);
        model.addAttribute("years", years);
        model.addAttribute("year", shown);
        model.addAttribute("rows", rows);
        model.addAttribute(
                "ranked",
                rows.stream()
                        .filter(r -> r.value() != null)
                        .sorted(Comparator.comparing(
                                MonitoringFigures.RegionRow::value, Comparator.nullsLast(Comparator.reverseOrder())))
                        .toList());
        return new Choice(national, shown, rows);
    }
}
