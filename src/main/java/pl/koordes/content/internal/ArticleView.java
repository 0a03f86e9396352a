package pl.koordes.content.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A published article as its page shows it, the body already rendered to sanitised HTML.
 *
 * @param updatedAt when a published article was last changed, or null when it never was
 */
public record ArticleView(
        long id,
        String slug,
        String title,
        String lead,
        String bodyHtml,
        String authorName,
        Instant publishedAt,
        @Nullable Instant updatedAt,
        List<TagRef> tags,
        @Nullable Long imageId,
        @Nullable String imageAlt) {

    public String href() {
        return "/aktualnosci/" + slug;
    }
}
