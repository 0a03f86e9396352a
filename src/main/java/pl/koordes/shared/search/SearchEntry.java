package pl.koordes.shared.search;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One thing a module puts into the search index.
 *
 * @param source the module's name for what it indexes ({@code article}, {@code event}, {@code resolution});
 *     with the id, the entry's identity: putting it again replaces it
 * @param sourceId the thing's id in its module
 * @param kind the facet it is counted under (a message key's last part: {@code search.kind.<kind>})
 * @param regionId the region it concerns, for the region facet
 * @param year the year it belongs to, for the year facet
 * @param title shown as the result's link
 * @param body the text searched and excerpted (plain text; markup already removed)
 * @param url where the result leads, relative to the site
 * @param audience who may open it ({@link SearchAudience}); never empty
 * @param visibleFrom from when it may be found (an article published for a later hour); null: at once
 */
public record SearchEntry(
        String source,
        String sourceId,
        String kind,
        @Nullable Long regionId,
        @Nullable Integer year,
        String title,
        String body,
        String url,
        Set<String> audience,
        @Nullable Instant visibleFrom) {

    /** An entry that may be found from the moment it is committed. */
    public SearchEntry(
            String source,
            String sourceId,
            String kind,
            @Nullable Long regionId,
            @Nullable Integer year,
            String title,
            String body,
            String url,
            Set<String> audience) {
        this(source, sourceId, kind, regionId, year, title, body, url, audience, null);
    }

    public SearchEntry {
        if (audience.isEmpty()) {
            throw new IllegalArgumentException("an entry nobody may open is not indexed");
        }
        audience = Set.copyOf(audience);
    }
}
