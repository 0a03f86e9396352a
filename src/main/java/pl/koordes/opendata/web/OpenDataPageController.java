package pl.koordes.opendata.web;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import pl.koordes.opendata.internal.CollectionView;
import pl.koordes.opendata.internal.Datasets;
import pl.koordes.opendata.internal.OpenDataAnswers;
import pl.koordes.shared.opendata.PublicFilter;
import pl.koordes.shared.web.PublicAddress;
import pl.koordes.shared.web.PublicPage;

/** The open-data API's documentation page ({@code /dane}): the collections, their fields and examples. */
@Controller
class OpenDataPageController {

    private final Datasets datasets;
    private final PublicAddress address;

    OpenDataPageController(Datasets datasets, PublicAddress address) {
        this.datasets = datasets;
        this.address = address;
    }

    @PublicPage
    @GetMapping("/dane")
    String documentation(Model model) {
        String api = address.url(OpenDataAnswers.BASE);
        List<CollectionView> collections = datasets.all().stream()
                .map(dataset -> new CollectionView(
                        dataset,
                        api + "/" + dataset.name(),
                        api + "/" + dataset.name() + ".csv",
                        dataset.filters().contains(PublicFilter.REGION),
                        dataset.filters().contains(PublicFilter.DATE)))
                .toList();
        model.addAttribute("collections", collections);
        model.addAttribute("api", api);
        model.addAttribute("openapi", api + "/openapi.json");
        model.addAttribute("catalogue", api + "/catalog.rdf");
        model.addAttribute("pageExample", api + "/events?page=2&per_page=10");
        model.addAttribute("filterExample", api + "/events?region=12&date_from=2026-01-01&date_to=2026-12-31");
        model.addAttribute("conditionalExample", "curl -i -H 'If-None-Match: \"…\"' " + api + "/regions");
        model.addAttribute(
                "problemExample",
                "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                        + "\"detail\":\"Oczekiwano liczby całkowitej od 1 do 100.\",\"instance\":\"/api/v1/events\","
                        + "\"invalid_params\":[{\"name\":\"per_page\",\"reason\":\"…\"}]}");
        return "opendata/documentation";
    }
}
