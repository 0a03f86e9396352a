package pl.koordes.content;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;
import pl.koordes.shared.text.Text;
import pl.koordes.shared.web.CrossFieldRules;

/**
 * What an editor writes about an article. Single-line fields refuse control characters (PostgreSQL
 * refuses NUL, and a line break in a title would break feeds and headers).
 *
 * @param tags comma-separated tag names
 * @param status {@code DRAFT} or {@code PUBLISHED}; published with a later date is scheduled
 * @param publishedAt publication time as an HTML {@code datetime-local} value in Europe/Warsaw; empty means now
 * @param imageId the id of the article's picture (an uploaded image), or empty
 * @param titleEn the English version's title: the article has one when this and {@code bodyEn} are written
 */
public record ArticleForm(
        @NotBlank(message = "content.article.title.required") @ContentText.Title @Nullable
        String title,

        @NotBlank(message = "content.article.lead.required") @ContentText.Lead @Nullable
        String lead,

        @NotBlank(message = "content.article.body.required") @ContentText.Body @Nullable
        String body,

        @Size(max = 600, message = "content.size.600") @Text(max = 600, message = "content.singleLine") @Nullable
        String tags,

        @NotBlank(message = "content.article.author.required")
        @Size(max = 120, message = "content.size.120")
        @Text(max = 120, message = "content.singleLine")
        @Nullable
        String authorName,

        @NotBlank(message = "content.article.status.required")
        @Pattern(regexp = "DRAFT|PUBLISHED", message = "content.article.status.required")
        @Nullable
        String status,

        @Pattern(
                regexp = "(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?)?",
                message = "content.article.publishedAt.invalid")
        @Nullable
        String publishedAt,

        @Pattern(regexp = "\\d{0,18}", message = "content.article.image.unknown") @Nullable
        String imageId,

        @ContentText.Title @Nullable String titleEn,
        @ContentText.Lead @Nullable String leadEn,
        @ContentText.Body @Nullable String bodyEn)
        implements CrossFieldRules {

    /** An empty form for a new article by this author. */
    public static ArticleForm empty(String authorName) {
        return new ArticleForm("", "", "", "", authorName, "DRAFT", "", "", "", "", "");
    }

    /** An English version begun needs both its title and its text, as a static page's does. */
    @Override
    public void checkTogether(Errors errors) {
        boolean none = blank(titleEn) && blank(leadEn) && blank(bodyEn);
        if (!none && blank(titleEn)) {
            errors.rejectValue("titleEn", "content.page.titleEn.required");
        } else if (!none && blank(bodyEn)) {
            errors.rejectValue("bodyEn", "content.page.bodyEn.required");
        }
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
