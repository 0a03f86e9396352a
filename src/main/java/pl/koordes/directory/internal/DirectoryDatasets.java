package pl.koordes.directory.internal;

import static pl.koordes.shared.opendata.PublicField.Type.STRING;
import static pl.koordes.shared.opendata.PublicField.Type.STRING_LIST;
import static pl.koordes.shared.opendata.PublicField.Type.URL;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Macroregion;
import pl.koordes.directory.Region;
import pl.koordes.shared.opendata.PublicDataset;
import pl.koordes.shared.opendata.PublicField;
import pl.koordes.shared.opendata.PublicFilter;
import pl.koordes.shared.opendata.PublicItem;
import pl.koordes.shared.opendata.PublicQuery;
import pl.koordes.shared.opendata.PublicRows;

/**
 * The directory's open data: the regions and the macroregions, with what their public pages show
 * (name, TERYT, seat, macroregion; a macroregion's code and regions). Both are short lists read in one
 * statement and paged in memory.
 */
@Configuration(proxyBeanMethods = false)
class DirectoryDatasets {

    @Bean
    PublicDataset regionsDataset(Directory directory) {
        return new Small<>(
                "regions",
                "Regiony (województwa)",
                "Szesnaście województw z kodem TERYT, siedzibą urzędu marszałkowskiego i makroregionem.",
                List.of(
                        PublicField.of("id", STRING, "identyfikator w adresach (nazwa bez polskich znaków)"),
                        PublicField.of("teryt", STRING, "dwucyfrowy kod TERYT województwa"),
                        PublicField.of("name_pl", STRING, "nazwa po polsku"),
                        PublicField.of("name_en", STRING, "nazwa po angielsku"),
                        PublicField.of("seat", STRING, "siedziba urzędu marszałkowskiego"),
                        PublicField.of("macroregion", STRING, "identyfikator makroregionu"),
                        PublicField.of("url", URL, "strona regionu w serwisie")),
                () -> directory.regions(),
                Region::slug,
                Region::id,
                region -> PublicItem.start()
                        .put("id", region.slug())
                        .put("teryt", region.teryt())
                        .put("name_pl", region.namePl())
                        .put("name_en", region.nameEn())
                        .put("seat", region.seat())
                        .put("macroregion", region.macroregion().slug())
                        .put("url", region.href())
                        .done());
    }

    @Bean
    PublicDataset macroregionsDataset(Directory directory) {
        return new Small<>(
                "macroregions",
                "Makroregiony",
                "Grupy województw do spotkań makroregionalnych (domyślnie NUTS 1) z listą ich regionów.",
                List.of(
                        PublicField.of("id", STRING, "identyfikator w adresach"),
                        PublicField.of("code", STRING, "kod NUTS 1"),
                        PublicField.of("name_pl", STRING, "nazwa po polsku"),
                        PublicField.of("name_en", STRING, "nazwa po angielsku"),
                        PublicField.of("regions", STRING_LIST, "identyfikatory regionów makroregionu"),
                        PublicField.of("url", URL, "strona makroregionu w serwisie")),
                () -> {
                    List<Region> regions = directory.regions();
                    return directory.macroregions().stream()
                            .map(m -> new MacroregionRegions(
                                    m,
                                    regions.stream()
                                            .filter(r -> r.macroregion().id() == m.id())
                                            .map(Region::slug)
                                            .toList()))
                            .toList();
                },
                row -> row.macroregion().slug(),
                null,
                row -> PublicItem.start()
                        .put("id", row.macroregion().slug())
                        .put("code", row.macroregion().code())
                        .put("name_pl", row.macroregion().namePl())
                        .put("name_en", row.macroregion().nameEn())
                        .put("regions", row.regions())
                        .put("url", row.macroregion().href())
                        .done());
    }

    private record MacroregionRegions(Macroregion macroregion, List<String> regions) {}

    /**
     * A collection short enough to read whole in one statement and page in memory (16 regions, a few
     * macroregions).
     */
    private record Small<T>(
            String name,
            String title,
            String description,
            List<PublicField> fields,
            java.util.function.Supplier<List<T>> all,
            Function<T, String> id,
            @Nullable Function<T, Long> regionId,
            Function<T, Map<String, @Nullable Object>> item)
            implements PublicDataset {

        @Override
        public Set<PublicFilter> filters() {
            return regionId == null ? Set.of() : Set.of(PublicFilter.REGION);
        }

        @Override
        public PublicRows page(PublicQuery query) {
            Long region = query.regionId();
            Function<T, Long> regionOf = regionId;
            List<T> rows = all.get().stream()
                    .filter(row -> region == null || regionOf == null || region.equals(regionOf.apply(row)))
                    .toList();
            return new PublicRows(
                    rows.stream()
                            .skip(query.offset())
                            .limit(query.size())
                            .map(item)
                            .toList(),
                    rows.size());
        }

        @Override
        public Optional<Map<String, @Nullable Object>> item(String wanted) {
            return all.get().stream()
                    .filter(row -> id.apply(row).equals(wanted))
                    .findFirst()
                    .map(item);
        }
    }
}
