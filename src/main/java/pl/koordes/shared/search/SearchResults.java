package pl.koordes.shared.search;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A page of results with the counts beside them, all of them already limited to what the visitor may open.
 *
 * @param hits this page's results, best first
 * @param total how many results there are under the chosen filters, at most {@link SearchIndex#CONSIDERED}
 * @param more whether there are more than {@code total}: then the counts, the ranking and the pages are those of the
 *     newest {@code total} results
 * @param kinds how many of each kind, under the chosen filters
 * @param regions how many per region (by id), under the chosen filters
 * @param years how many per year, under the chosen filters
 */
public record SearchResults(
        List<Hit> hits,
        long total,
        boolean more,
        Map<String, Long> kinds,
        Map<Long, Long> regions,
        Map<Integer, Long> years) {

    public static final SearchResults NONE = new SearchResults(List.of(), 0, false, Map.of(), Map.of(), Map.of());

    /** One result: where it leads, its title and the excerpt with the matched words marked. */
    public record Hit(
            String source,
            String sourceId,
            String kind,
            @Nullable Long regionId,
            @Nullable Integer year,
            String title,
            String url,
            List<SearchExcerpt.Fragment> excerpt) {}
}
