package pl.koordes.content.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A published article as its page shows it, the body already rendered to sanitised HTML.
 *
 * @param updatedAt when a published article was last changed, or null when it never was
 * @param titleEn the English title, empty without an English version (as are the other English fields)
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
        @Nullable String imageAlt,
        String titleEn,
        String leadEn,
        String bodyHtmlEn) {

    public String href() {
        return "/aktualnosci/" + slug;
    }

    /** Whether the article has an English version: a title and a text. */
    public boolean hasEnglish() {
        return !titleEn.isEmpty() && !bodyHtmlEn.isEmpty();
    }

    /** What a reader of this interface language sees: the English version, or else the Polish text marked as Polish. */
    public SiteContent.Version version(boolean english) {
        if (!english) {
            return new SiteContent.Version(title, lead, bodyHtml, null);
        }
        return hasEnglish()
                ? new SiteContent.Version(titleEn, leadEn, bodyHtmlEn, null)
                : new SiteContent.Version(title, lead, bodyHtml, "pl");
    }
}
