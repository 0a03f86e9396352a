package pl.koordes.content.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An article in a list: enough for its title, lead, date and tags.
 *
 * @param titleEn the English title, empty when the article has no English version (then so is {@code leadEn})
 */
public record ArticleSummary(
        long id,
        String slug,
        String title,
        String lead,
        String authorName,
        Instant publishedAt,
        List<TagRef> tags,
        @Nullable Long imageId,
        @Nullable String imageAlt,
        String titleEn,
        String leadEn) {

    public String href() {
        return "/aktualnosci/" + slug;
    }

    /** The title and lead a reader of this interface language sees; the Polish ones are marked as Polish in English. */
    public SiteContent.Version version(boolean english) {
        if (!english) {
            return new SiteContent.Version(title, lead, "", null);
        }
        return titleEn.isEmpty()
                ? new SiteContent.Version(title, lead, "", "pl")
                : new SiteContent.Version(titleEn, leadEn, "", null);
    }
}
