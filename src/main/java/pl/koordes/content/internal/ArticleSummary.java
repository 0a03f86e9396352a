package pl.koordes.content.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An article in a list: enough for its title, lead, date and tags. */
public record ArticleSummary(
        long id,
        String slug,
        String title,
        String lead,
        String authorName,
        Instant publishedAt,
        List<TagRef> tags,
        @Nullable Long imageId,
        @Nullable String imageAlt) {

    public String href() {
        return "/aktualnosci/" + slug;
    }
}
