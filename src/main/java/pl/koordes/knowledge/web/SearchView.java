package pl.koordes.knowledge.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.search.SearchExcerpt;
import pl.koordes.shared.web.Paged;

/**
 * The search page as shown: what was typed, why nothing was searched (if so), the results of this page with
 * their labels, and the facets as links that keep the query.
 *
 * @param typed what the box shows again
 * @param problem why there is nothing to search ({@code empty}, {@code tooLong}, {@code noWords}), or null
 * @param results this page of results, or null when nothing was searched
 * @param total how many results there are under the chosen filters (at most {@link
 *     pl.koordes.shared.search.SearchIndex#CONSIDERED})
 * @param more whether there are more results than {@code total}: the page then shows the newest {@code total}
 * @param unknown the typed words the dictionary does not know: similar words were searched too
 * @param filtered whether a facet is chosen (the page offers to clear them)
 * @param clearHref the query without facets
 * @param href the query with the chosen facets, the first page
 */
public record SearchView(
        String typed,
        @Nullable String problem,
        @Nullable Paged<Hit> results,
        long total,
        boolean more,
        List<Facet> kinds,
        List<Facet> regions,
        List<Facet> years,
        List<String> unknown,
        boolean filtered,
        String clearHref,
        String href) {

    /** One result with its labels. */
    public record Hit(
            String title,
            String url,
            String kind,
            @Nullable String region,
            @Nullable Integer year,
            List<SearchExcerpt.Fragment> excerpt) {}

    /** One value of a facet: its label, the address that chooses it (or clears it when chosen) and its count. */
    public record Facet(String label, String href, long count, boolean chosen) {}

    static SearchView nothing(String typed, @Nullable String problem) {
        return new SearchView(
                typed, problem, null, 0, false, List.of(), List.of(), List.of(), List.of(), false, "", "");
    }

    /** The address of page {@code n} of these results. */
    public String page(int n) {
        return n <= 1 ? href : href + SearchController.PAGE + n;
    }

    /** Whether a search ran and found something. */
    public boolean found() {
        return results != null && total > 0;
    }
}
