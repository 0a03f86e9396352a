package pl.koordes.knowledge.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.search.PolishWords;
import pl.koordes.shared.search.SearchAudience;
import pl.koordes.shared.search.SearchIndex;
import pl.koordes.shared.search.SearchQuery;
import pl.koordes.shared.search.SearchRequest;
import pl.koordes.shared.search.SearchResults;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Paged;
import pl.koordes.shared.web.PublicPage;

/**
 * The search page, {@code /szukaj?q=…}: one box over everything the modules index, with the facets kind, region and
 * year, limited to what the visitor may open (the index checks the audience in every statement). Always a page:
 * an empty, too long or wordless query gets a message, never an error.
 */
@Controller
class SearchController {

    private static final int LONGEST_KIND = 40;

    /** The page parameter as appended to a search's address. */
    static final String PAGE = "&strona=";

    private final SearchIndex index;
    private final Directory directory;
    private final Messages messages;

    SearchController(SearchIndex index, Directory directory, Messages messages) {
        this.index = index;
        this.directory = directory;
        this.messages = messages;
    }

    // Anonymous visitors all get the same page: plain cacheable HTTP (shared.web.PublicAnswers).
    @PublicPage
    @GetMapping("/szukaj")
    String search(
            @RequestParam(name = "q", required = false) @Nullable String q,
            @RequestParam(name = "rodzaj", required = false) @Nullable String kind,
            @RequestParam(name = "region", required = false) @Nullable String region,
            @RequestParam(name = "rok", required = false) @Nullable String year,
            @RequestParam(name = "strona", required = false) @Nullable String page,
            Optional<CurrentUser> user,
            Locale locale,
            Model model) {
        String typed = q == null ? "" : q.strip();
        model.addAttribute("view", view(typed, kind, region, year, page, user.orElse(null), locale));
        return "knowledge/search/results";
    }

    private SearchView view(
            String typed,
            @Nullable String kindParameter,
            @Nullable String regionParameter,
            @Nullable String yearParameter,
            @Nullable String pageParameter,
            @Nullable CurrentUser user,
            Locale locale) {
        if (typed.isEmpty()) {
            return SearchView.nothing("", "empty");
        }
        if (typed.codePointCount(0, typed.length()) > SearchQuery.LONGEST) {
            return SearchView.nothing(typed.substring(0, typed.offsetByCodePoints(0, SearchQuery.LONGEST)), "tooLong");
        }
        SearchQuery query = SearchQuery.parse(typed);
        if (query.empty()) {
            return SearchView.nothing(typed, "noWords");
        }
        String kind = kindParameter == null || kindParameter.isBlank() || kindParameter.length() > LONGEST_KIND
                ? null
                : kindParameter;
        Region region = regionParameter == null || regionParameter.isBlank()
                ? null
                : directory.region(regionParameter).orElse(null);
        Integer year = yearParameter != null && yearParameter.matches("\\d{4}") ? Integer.valueOf(yearParameter) : null;
        int number = Paged.number(pageParameter);
        SearchResults results = index.search(
                new SearchRequest(query, kind, region == null ? null : region.id(), year, number),
                SearchAudience.of(user));
        Map<Long, Region> regions = directory.regionsById();
        Address address = new Address(typed, kind, region == null ? null : region.slug(), year);
        List<SearchView.Hit> hits = results.hits().stream()
                .map(hit -> new SearchView.Hit(
                        hit.title(),
                        hit.url(),
                        kindLabel(locale, hit.kind()),
                        hit.regionId() == null || !regions.containsKey(hit.regionId())
                                ? null
                                : regions.get(hit.regionId()).name(locale),
                        hit.year(),
                        hit.excerpt()))
                .toList();
        List<SearchView.Facet> kinds = facets(
                results.kinds(),
                k -> kindLabel(locale, k),
                k -> k.equals(kind),
                k -> address.withKind(k).href(1));
        List<SearchView.Facet> regionFacets = facets(
                results.regions(),
                id -> regions.containsKey(id) ? regions.get(id).name(locale) : String.valueOf(id),
                id -> region != null && id == region.id(),
                id -> address.withRegion(
                                id != null && regions.containsKey(id)
                                        ? regions.get(id).slug()
                                        : null)
                        .href(1));
        List<SearchView.Facet> years = facets(
                results.years(),
                String::valueOf,
                y -> y.equals(year),
                y -> address.withYear(y).href(1));
        // The words as typed that the dictionary does not know: similar words of the index were searched too. The
        // similar words themselves are not shown: the vocabulary holds the words of internal texts as well.
        List<String> unknown = PolishWords.of(typed).stream()
                .filter(word -> !word.known())
                .map(word -> typed.substring(word.start(), word.end()))
                .filter(word -> word.chars().anyMatch(Character::isLetter))
                .distinct()
                .toList();
        return new SearchView(
                typed,
                null,
                new Paged<>(hits, number, SearchIndex.PAGE_SIZE, results.total()),
                results.total(),
                results.more(),
                kinds,
                regionFacets,
                years,
                unknown,
                kind != null || region != null || year != null,
                new Address(typed, null, null, null).href(1),
                address.href(1));
    }

    private String kindLabel(Locale locale, String kind) {
        String key = "search.kind." + kind;
        return messages.has(locale, key) ? messages.get(locale, key) : kind;
    }

    /** A facet's values in the index's order (most results first); choosing the chosen one again clears it. */
    private static <T> List<SearchView.Facet> facets(
            Map<T, Long> counts,
            Function<T, String> label,
            java.util.function.Predicate<T> chosen,
            Function<@Nullable T, String> href) {
        List<SearchView.Facet> facets = new ArrayList<>();
        counts.forEach((value, count) -> {
            boolean isChosen = chosen.test(value);
            facets.add(new SearchView.Facet(label.apply(value), href.apply(isChosen ? null : value), count, isChosen));
        });
        return List.copyOf(facets);
    }

    /** The address of the search with the query and facets; changing a facet starts at the first page. */
    record Address(
            String q,
            @Nullable String kind,
            @Nullable String region,
            @Nullable Integer year) {

        Address withKind(@Nullable String value) {
            return new Address(q, value, region, year);
        }

        Address withRegion(@Nullable String value) {
            return new Address(q, kind, value, year);
        }

        Address withYear(@Nullable Integer value) {
            return new Address(q, kind, region, value);
        }

        String href(int page) {
            StringBuilder href = new StringBuilder("/szukaj?q=").append(encode(q));
            if (kind != null) {
                href.append("&rodzaj=").append(encode(kind));
            }
            if (region != null) {
                href.append("&region=").append(encode(region));
            }
            if (year != null) {
                href.append("&rok=").append(year);
            }
            if (page > 1) {
                href.append(PAGE).append(page);
            }
            return href.toString();
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
