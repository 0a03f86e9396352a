package pl.koordes.postulates.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
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
import pl.koordes.directory.Region;
import pl.koordes.monitoring.KpresArea;
import pl.koordes.monitoring.KpresAreas;
import pl.koordes.postulates.internal.PostulatesProperties;
import pl.koordes.postulates.internal.PublicListing;
import pl.koordes.postulates.internal.StatusFilter;
import pl.koordes.shared.web.Downloads;
import pl.koordes.shared.web.Page;
import pl.koordes.shared.web.PageFactory;
import pl.koordes.shared.web.PublicPage;
import pl.koordes.shared.web.SheetDownloads;

/**
 * The public list of postulates with its filters and paging, and the same list (all pages, the same filters)
 * as CSV and XLSX. Shows nothing about the visitor, so it is a {@link PublicPage}. A fixed number of
 * statements whatever the number of postulates: the regions, institutions, areas and years for the form,
 * then the count and the page.
 */
@Controller
class PublicListController {

    /** The header of the list's files (the same in both languages: column names are part of the data). */
    static final List<String> HEADER = List.of(
            "id",
            "adres",
            "tytul",
            "wojewodztwo",
            "adresat",
            "obszary",
            "status",
            "data_zlozenia",
            "wspolpodpisy",
            "termin_odpowiedzi",
            "dni_po_terminie");

    private final PublicListing listing;
    private final Directory directory;
    private final KpresAreas areas;
    private final PostulatesProperties properties;
    private final PageFactory pages;

    PublicListController(
            PublicListing listing,
            Directory directory,
            KpresAreas areas,
            PostulatesProperties properties,
            PageFactory pages) {
        this.listing = listing;
        this.directory = directory;
        this.areas = areas;
        this.properties = properties;
        this.pages = pages;
    }

    @PublicPage
    @GetMapping("/postulaty")
    String list(@RequestParam Map<String, String> parameters, Model model) {
        List<Region> regions = directory.regions();
        List<CentralInstitution> institutions = directory.centralInstitutions();
        List<KpresArea> allAreas = areas.all();
        PublicListQuery query = PublicListQuery.of(parameters, regions, institutions, allAreas);
        model.addAttribute("list", listing.page(query.filter(), query.page(), properties.pageSize()));
        model.addAttribute("query", query);
        model.addAttribute("regions", regions);
        model.addAttribute("regionNames", regions.stream().collect(Collectors.toMap(Region::id, Function.identity())));
        model.addAttribute("institutions", institutions);
        model.addAttribute(
                "institutionNames",
                institutions.stream().collect(Collectors.toMap(CentralInstitution::id, Function.identity())));
        model.addAttribute("areas", allAreas);
        model.addAttribute("years", listing.years());
        model.addAttribute(
                "groups",
                Arrays.stream(StatusFilter.values()).filter(StatusFilter::group).toList());
        model.addAttribute(
                "statuses",
                Arrays.stream(StatusFilter.values()).filter(s -> !s.group()).toList());
        return "postulates/accountability/list";
    }

    @GetMapping("/postulaty.csv")
    void csv(@RequestParam Map<String, String> parameters, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Export export = export(parameters, request);
        Downloads.attachment(response, SheetDownloads.CSV, "postulaty.csv");
        SheetDownloads.csv(response.getOutputStream(), HEADER, export::write);
    }

    @GetMapping("/postulaty.xlsx")
    void xlsx(@RequestParam Map<String, String> parameters, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Export export = export(parameters, request);
        Downloads.attachment(response, SheetDownloads.XLSX, "postulaty.xlsx");
        SheetDownloads.xlsx(
                response.getOutputStream(), export.page.t("postulates.public.list.sheet"), HEADER, export::write);
    }

    private Export export(Map<String, String> parameters, HttpServletRequest request) {
        List<Region> regions = directory.regions();
        List<CentralInstitution> institutions = directory.centralInstitutions();
        PublicListQuery query = PublicListQuery.of(parameters, regions, institutions, areas.all());
        return new Export(
                pages.of(request),
                query,
                regions.stream().collect(Collectors.toMap(Region::id, Function.identity())),
                institutions.stream().collect(Collectors.toMap(CentralInstitution::id, Function.identity())));
    }

    /** One export's request: the filters, the names, the language of the status names. */
    private final class Export {
        final Page page;
        final PublicListQuery query;
        final Map<Long, Region> regions;
        final Map<Long, CentralInstitution> institutions;

        Export(
                Page page,
                PublicListQuery query,
                Map<Long, Region> regions,
                Map<Long, CentralInstitution> institutions) {
            this.page = page;
            this.query = query;
            this.regions = regions;
            this.institutions = institutions;
        }

        void write(SheetDownloads.Writer writer) {
            listing.each(query.filter(), row -> {
                Region region = regions.get(row.regionId());
                CentralInstitution addressee = institutions.get(row.addresseeId());
                List<@Nullable Object> cells = new ArrayList<>();
                cells.add(row.id());
                cells.add(row.href());
                cells.add(row.title());
                cells.add(region == null ? null : region.name(page.locale()));
                cells.add(addressee == null ? null : addressee.label());
                cells.add(row.areaCodes());
                cells.add(page.t(row.statusKey()));
                cells.add(row.submittedAt() == null ? null : PublicListing.isoDate(row.submittedAt()));
                cells.add(row.cosignatures());
                cells.add(row.answerDue() == null ? null : row.answerDue().toString());
                cells.add(row.overdueDays());
                writer.row(cells);
            });
        }
    }
}
