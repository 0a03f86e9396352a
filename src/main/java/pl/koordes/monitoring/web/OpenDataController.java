package pl.koordes.monitoring.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import pl.koordes.directory.Directory;
import pl.koordes.monitoring.internal.OpenDataExport;
import pl.koordes.shared.web.PublicPage;

/**
 * Approved values as open data: the page documenting the files, and the CSV and XLSX downloads for
 * anyone (optionally one year, one region by its TERYT code). Only approved values are public.
 */
@Controller
class OpenDataController {

    private final OpenDataExport exports;
    private final Directory directory;

    OpenDataController(OpenDataExport exports, Directory directory) {
        this.exports = exports;
        this.directory = directory;
    }

    @PublicPage
    @GetMapping("/monitoring/dane")
    String page(Model model) {
        model.addAttribute("summary", exports.summary());
        model.addAttribute("regions", directory.regions());
        model.addAttribute("header", OpenDataExport.HEADER);
        return "monitoring/transfer/data";
    }

    @GetMapping("/monitoring/dane/wartosci.csv")
    void csv(
            @RequestParam(name = "rok", required = false) @Nullable String year,
            @RequestParam(name = "wojewodztwo", required = false) @Nullable String teryt,
            HttpServletResponse response)
            throws IOException {
        OpenDataExport.Filter filter = filter(year, teryt);
        headers(response, "text/csv;charset=UTF-8", name(filter, "csv"));
        exports.csv(response.getOutputStream(), filter);
    }

    @GetMapping("/monitoring/dane/wartosci.xlsx")
    void xlsx(
            @RequestParam(name = "rok", required = false) @Nullable String year,
            @RequestParam(name = "wojewodztwo", required = false) @Nullable String teryt,
            HttpServletResponse response)
            throws IOException {
        OpenDataExport.Filter filter = filter(year, teryt);
        headers(response, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name(filter, "xlsx"));
        exports.xlsx(response.getOutputStream(), filter);
    }

    /**
     * The filters as given; an empty one is no filter, and one that is not a year or a TERYT code matches
     * nothing (an empty file with its header), as a filter on any other value would.
     */
    private static OpenDataExport.Filter filter(@Nullable String year, @Nullable String teryt) {
        Integer y = null;
        if (year != null && !year.isBlank()) {
            y = year.strip().matches("\\d{4}") ? Integer.valueOf(year.strip()) : Integer.valueOf(-1);
        }
        String t = teryt == null || teryt.isBlank() ? null : teryt.strip();
        if (t != null && !t.matches("\\d{2}")) {
            t = "--";
        }
        return new OpenDataExport.Filter(y, t);
    }

    private static String name(OpenDataExport.Filter filter, String extension) {
        StringBuilder name = new StringBuilder("wartosci-wskaznikow");
        if (filter.year() != null && filter.year() > 0) {
            name.append('-').append(filter.year());
        }
        if (filter.teryt() != null && !"--".equals(filter.teryt())) {
            name.append("-woj-").append(filter.teryt());
        }
        return name.append('.').append(extension).toString();
    }

    /** Open data: a download anyone may keep, cached briefly by anyone (approved values change rarely). */
    private static void headers(HttpServletResponse response, String type, String name) {
        response.setContentType(type);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8)
                        .build()
                        .toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
        response.setHeader("X-Content-Type-Options", "nosniff");
    }
}
