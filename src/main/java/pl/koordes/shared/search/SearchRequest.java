package pl.koordes.shared.search;

import org.jspecify.annotations.Nullable;

/**
 * A search as asked: the query and the chosen filters, and which page.
 *
 * @param page counted from 1
 */
public record SearchRequest(
        SearchQuery query,
        @Nullable String kind,
        @Nullable Long regionId,
        @Nullable Integer year,
        int page) {

    public SearchRequest {
        page = Math.max(1, page);
    }
}
