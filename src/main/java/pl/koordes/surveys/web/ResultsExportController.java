package pl.koordes.surveys.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Downloads;
import pl.koordes.shared.web.SheetDownloads;
import pl.koordes.surveys.internal.ResultsExport;
import pl.koordes.surveys.internal.ResultsFilter;
import pl.koordes.surveys.internal.Survey;
import pl.koordes.surveys.internal.SurveyDefinition;
import pl.koordes.surveys.internal.SurveyStore;

/**
 * A survey's answers as CSV and XLSX, within the results filter, with Polish labels whatever the page's language
 * (a file is shared on). Apart from {@link ResultsController} because files stream rather than render a page;
 * who may download them is {@link ResultsAccess}, every download is recorded ({@link ResultsExport}).
 */
@Controller
class ResultsExportController {

    private final SurveyStore store;
    private final ResultsExport export;
    private final ResultsAccess access;
    private final Directory directory;
    private final Messages messages;

    ResultsExportController(
            SurveyStore store, ResultsExport export, ResultsAccess access, Directory directory, Messages messages) {
        this.store = store;
        this.export = export;
        this.access = access;
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping("/ankiety/{id}/wyniki.csv")
    void csv(
            @PathVariable long id,
            @RequestParam Map<String, String> parameters,
            Optional<CurrentUser> user,
            HttpServletResponse response)
            throws IOException {
        Download download = download(id, parameters, user, "CSV");
        Downloads.attachment(response, SheetDownloads.CSV, "ankieta-" + id + "-wyniki.csv");
        SheetDownloads.csv(
                response.getOutputStream(),
                export.header(download.definition(), download.labels()),
                writer -> export.write(download.definition(), download.filter(), download.labels(), writer::row));
    }

    @GetMapping("/ankiety/{id}/wyniki.xlsx")
    void xlsx(
            @PathVariable long id,
            @RequestParam Map<String, String> parameters,
            Optional<CurrentUser> user,
            HttpServletResponse response)
            throws IOException {
        Download download = download(id, parameters, user, "XLSX");
        Downloads.attachment(response, SheetDownloads.XLSX, "ankieta-" + id + "-wyniki.xlsx");
        SheetDownloads.xlsx(
                response.getOutputStream(),
                "Wyniki",
                export.header(download.definition(), download.labels()),
                writer -> export.write(download.definition(), download.filter(), download.labels(), writer::row));
    }

    private record Download(SurveyDefinition definition, ResultsFilter filter, ResultsExport.Labels labels) {}

    private Download download(long id, Map<String, String> parameters, Optional<CurrentUser> user, String format) {
        Survey survey = access.visible(id, user.orElse(null));
        SurveyDefinition definition = store.definition(survey);
        List<Region> regions = directory.regions();
        Query query = Query.of(parameters, regions);
        Locale polish = Locale.forLanguageTag("pl");
        Map<Long, String> names = regions.stream().collect(Collectors.toMap(Region::id, Region::namePl));
        ResultsExport.Labels labels = new ResultsExport.Labels(
                region -> names.getOrDefault(region, ""),
                kind -> messages.get(polish, "institution.kind." + kind),
                messages.get(polish, "surveys.otherOption"));
        export.recordExport(survey, query.filter(), format);
        return new Download(definition, query.filter(), labels);
    }
}
