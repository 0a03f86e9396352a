package pl.koordes.postulates.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import pl.koordes.directory.CentralInstitution;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.postulates.internal.PublicListing;
import pl.koordes.shared.web.Downloads;
import pl.koordes.shared.web.PublicPage;
import pl.koordes.shared.web.SheetDownloads;

/**
 * Postulates with their answers as open data: the page documenting the file's columns and licence, and the
 * file itself (every public postulate with its latest answer), streamed from a database cursor.
 */
@Controller
class PublicOpenDataController {

    /** The open data's header, exactly as documented on /postulaty/dane and in docs/postulates.md. */
    static final List<String> HEADER = List.of(
            "id",
            "adres",
            "tytul",
            "problem",
            "propozycja",
            "uzasadnienie",
            "kod_teryt",
            "wojewodztwo",
            "adresat",
            "obszary",
            "status",
            "data_zlozenia",
            "data_przekazania",
            "termin_odpowiedzi",
            "wspolpodpisy",
            "poparcia",
            "dni_po_terminie",
            "polaczony_z",
            "odpowiedz_status",
            "odpowiedz_tresc",
            "odpowiedz_data",
            "odpowiedz_instytucja");

    private final PublicListing listing;
    private final Directory directory;

    PublicOpenDataController(PublicListing listing, Directory directory) {
        this.listing = listing;
        this.directory = directory;
    }

    @PublicPage
    @GetMapping("/postulaty/dane")
    String page(Model model) {
        model.addAttribute("count", listing.publicCount());
        model.addAttribute("header", HEADER);
        return "postulates/accountability/data";
    }

    @GetMapping("/postulaty/dane/postulaty.csv")
    void csv(HttpServletResponse response) throws IOException {
        Map<Long, Region> regions = directory.regionsById();
        Map<Long, CentralInstitution> institutions = directory.centralInstitutions().stream()
                .collect(Collectors.toMap(CentralInstitution::id, Function.identity()));
        Downloads.attachment(response, SheetDownloads.CSV, "postulaty-dane.csv");
        // Open data: anyone may keep it, and it changes slowly.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
        SheetDownloads.csv(
                response.getOutputStream(),
                HEADER,
                writer -> listing.openData(row -> {
                    Region region = regions.get(row.regionId());
                    CentralInstitution addressee = institutions.get(row.addresseeId());
                    CentralInstitution answered =
                            row.answerInstitutionId() == null ? null : institutions.get(row.answerInstitutionId());
                    List<@Nullable Object> cells = new ArrayList<>();
                    cells.add(row.id());
                    cells.add("/postulaty/" + row.id());
                    cells.add(row.title());
                    cells.add(row.problem());
                    cells.add(row.proposal());
                    cells.add(row.justification());
                    cells.add(region == null ? null : region.teryt());
                    cells.add(region == null ? null : region.namePl());
                    cells.add(addressee == null ? null : addressee.name());
                    cells.add(row.areaCodes());
                    cells.add(row.status().name());
                    cells.add(row.submittedAt() == null ? null : PublicListing.isoDate(row.submittedAt()));
                    cells.add(row.forwardedAt() == null ? null : PublicListing.isoDate(row.forwardedAt()));
                    cells.add(row.answerDue() == null ? null : row.answerDue().toString());
                    cells.add(row.cosignatures());
                    cells.add(row.endorsements());
                    cells.add(row.overdueDays());
                    cells.add(row.mergedIntoId());
                    cells.add(row.answerStatus());
                    cells.add(row.answerBody());
                    cells.add(row.answeredAt() == null ? null : PublicListing.isoDate(row.answeredAt()));
                    cells.add(answered == null ? null : answered.name());
                    writer.row(cells);
                }));
    }
}
