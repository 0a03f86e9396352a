package pl.koordes.content;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;
import pl.koordes.shared.text.Text;
import pl.koordes.shared.web.CrossFieldRules;

/**
 * A new static page as an editor writes it: its address (the part after /strony/, which stays once
 * chosen) and what {@link SitePageForm} holds for every page.
 *
 * @param slug lower-case letters without diacritics, digits and single hyphens, such as {@code kontakt}
 */
public record NewPageForm(
        @NotBlank(message = "content.page.slug.required")
        @Size(max = 100, message = "content.page.slug.invalid")
        @Text(max = 100, message = "content.page.slug.invalid")
        @Pattern(regexp = "([a-z0-9]+(-[a-z0-9]+)*)?", message = "content.page.slug.invalid")
        @Nullable
        String slug,

        @NotBlank(message = "content.article.title.required") @ContentText.Title @Nullable
        String title,

        @ContentText.Lead @Nullable String lead,

        @NotBlank(message = "content.article.body.required") @ContentText.Body @Nullable
        String body,

        @ContentText.Title @Nullable String titleEn,
        @ContentText.Lead @Nullable String leadEn,
        @ContentText.Body @Nullable String bodyEn,

        @Pattern(regexp = "MAIN|FOOTER|", message = "content.page.navPlace.invalid") @Nullable
        String navPlace,

        @Pattern(regexp = "\\d{0,3}", message = "content.page.navOrder.invalid") @Nullable
        String navOrder)
        implements CrossFieldRules {

    /** An empty form: a page outside the navigation. */
    public static NewPageForm empty() {
        return new NewPageForm("", "", "", "", "", "", "", "", "");
    }

    /** The page's text and place, as every page has them. */
    public SitePageForm page() {
        return new SitePageForm(title, lead, body, titleEn, leadEn, bodyEn, navPlace, navOrder);
    }

    /** The same rules as a page being changed: a place needs its position, an English version both its parts. */
    @Override
    public void checkTogether(Errors errors) {
        page().checkTogether(errors);
    }
}
