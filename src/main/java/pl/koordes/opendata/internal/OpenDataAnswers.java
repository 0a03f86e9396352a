package pl.koordes.opendata.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.shared.opendata.PublicDataset;
import pl.koordes.shared.opendata.PublicField;
import pl.koordes.shared.opendata.PublicQuery;
import pl.koordes.shared.opendata.PublicRows;
import pl.koordes.shared.web.ExcelCsv;
import pl.koordes.shared.web.PublicAddress;

/**
 * Renders the API's answers (the list of collections, a page, an item, a CSV download), each through
 * {@link ApiCache}: a request the cache can answer reads nothing.
 */
@Component
public class OpenDataAnswers {

    public static final String BASE = "/api/v1";
    public static final String JSON = "application/json";
    public static final String CSV = "text/csv;charset=UTF-8";

    /** The most rows a CSV download holds; read a page of {@link ApiQueries#MAX_SIZE} at a time. */
    static final int CSV_ROWS = 50_000;

    private final Datasets datasets;
    private final ApiCache cache;
    private final Directory directory;
    private final PublicAddress address;
    private final DcatCatalogue catalogue;

    public OpenDataAnswers(
            Datasets datasets, ApiCache cache, Directory directory, PublicAddress address, DcatCatalogue catalogue) {
        this.catalogue = catalogue;
        this.datasets = datasets;
        this.cache = cache;
        this.directory = directory;
        this.address = address;
    }

    /** The DCAT-AP-PL catalogue of the collections. */
    public ApiCache.Answer catalogue() {
        return cache.answer(
                "catalogue", () -> new ApiCache.Rendered(catalogue.write(), DcatCatalogue.CONTENT_TYPE, null));
    }

    public PublicDataset dataset(String name) {
        return datasets.named(name)
                .orElseThrow(() -> ApiProblem.notFound(
                        name.matches("[a-z0-9-]{1,40}") ? "Nie ma zbioru „" + name + "”." : "Nie ma takiego zbioru."));
    }

    /** The region ids by slug and by TERYT code. */
    public Map<String, Long> regions() {
        return cache.regions(() -> {
            Map<String, Long> ids = new LinkedHashMap<>();
            for (Region region : directory.regions()) {
                ids.put(region.slug(), region.id());
                ids.put(region.teryt(), region.id());
            }
            return ids;
        });
    }

    /** The list of collections with their addresses. */
    public ApiCache.Answer index() {
        return cache.answer("index", () -> {
            List<Map<String, Object>> list = new ArrayList<>();
            for (PublicDataset dataset : datasets.all()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", dataset.name());
                entry.put("title", dataset.title());
                entry.put("description", dataset.description());
                entry.put(
                        "filters",
                        dataset.filters().stream()
                                .map(f -> f.name().toLowerCase(java.util.Locale.ROOT))
                                .sorted()
                                .toList());
                entry.put("url", address.url(BASE + "/" + dataset.name()));
                entry.put("csv", address.url(BASE + "/" + dataset.name() + ".csv"));
                list.add(entry);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("data", list);
            body.put(
                    "links",
                    Map.of(
                            "openapi", address.url(BASE + "/openapi.json"),
                            "catalog", address.url(BASE + "/catalog.rdf"),
                            "documentation", address.url("/dane")));
            return new ApiCache.Rendered(ApiJson.write(body), JSON, null);
        });
    }

    /** One page of a collection. */
    public ApiCache.Answer page(PublicDataset dataset, ApiQueries.Checked checked) {
        PublicQuery query = checked.query();
        String key = "page|" + dataset.name() + "|" + query.page() + "|" + query.size() + checked.filters();
        return cache.answer(key, () -> {
            PublicRows rows = dataset.page(query);
            String site = address.url();
            List<Map<String, @Nullable Object>> items = rows.items().stream()
                    .map(raw -> ApiJson.item(dataset.fields(), raw, site))
                    .toList();
            ApiPaging paging = new ApiPaging(
                    query.page(),
                    query.size(),
                    rows.total(),
                    address.url(BASE + "/" + dataset.name()),
                    checked.filters());
            return new ApiCache.Rendered(ApiJson.page(items, paging), JSON, paging.linkHeader());
        });
    }

    /** One item, or a 404 problem. */
    public ApiCache.Answer item(PublicDataset dataset, String id) {
        return cache.answer("item|" + dataset.name() + "|" + id, () -> {
            Map<String, @Nullable Object> raw = dataset.item(id)
                    .orElseThrow(
                            () -> ApiProblem.notFound("W zbiorze „" + dataset.name() + "” nie ma takiego elementu."));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("data", ApiJson.item(dataset.fields(), raw, address.url()));
            return new ApiCache.Rendered(ApiJson.write(body), JSON, null);
        });
    }

    /**
     * The whole collection (filters kept) as CSV for spreadsheets: UTF-8 with a byte-order mark,
     * semicolons, formulas neutralised ({@link ExcelCsv}), the field names as headers, lists joined by
     * commas.
     */
    public ApiCache.Answer csv(PublicDataset dataset, ApiQueries.Checked checked) {
        return cache.answer("csv|" + dataset.name() + checked.filters(), () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String site = address.url();
            try (CSVPrinter printer = ExcelCsv.printer(out)) {
                printer.printRecord(
                        dataset.fields().stream().map(PublicField::name).toList());
                PublicQuery all = checked.query();
                long written = 0;
                for (int page = 1; written < CSV_ROWS; page++) {
                    PublicRows rows = dataset.page(
                            new PublicQuery(page, ApiQueries.MAX_SIZE, all.regionId(), all.firstDay(), all.lastDay()));
                    for (Map<String, @Nullable Object> raw : rows.items()) {
                        printer.printRecord(dataset.fields().stream()
                                .map(field -> ExcelCsv.safe(cell(ApiJson.value(field, raw.get(field.name()), site))))
                                .toList());
                    }
                    written += rows.items().size();
                    if (rows.items().size() < ApiQueries.MAX_SIZE || written >= rows.total()) {
                        break;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new ApiCache.Rendered(out.toByteArray(), CSV, null);
        });
    }

    private static @Nullable String cell(@Nullable Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return value == null ? null : value.toString();
    }
}
