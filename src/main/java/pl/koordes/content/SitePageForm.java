package pl.koordes.content;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;
import pl.koordes.shared.web.CrossFieldRules;

/**
 * What an editor writes about a static page: the Polish text, optionally an English version (title and
 * text, both or neither), and the place of its link.
 *
 * @param navPlace where the page's link appears on every page: {@code MAIN} (the main navigation),
 *        {@code FOOTER}, or empty for nowhere
 * @param navOrder position there as digits (smaller first); required with a place, ignored without one
 */
public record SitePageForm(
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

    /** A place needs its position; an English version begun needs both its title and its text. */
    @Override
    public void checkTogether(Errors errors) {
        if (lacksNavOrder()) {
            errors.rejectValue("navOrder", "content.page.navOrder.required");
        }
        String missing = missingEnglishField();
        if (missing != null) {
            errors.rejectValue(missing, "content.page." + missing + ".required");
        }
    }

    /** Whether the English version has a title and a text (it is shown only then). */
    public boolean hasEnglish() {
        return !blank(titleEn) && !blank(bodyEn);
    }

    /** The field an English version begun but not finished lacks ({@code titleEn} or {@code bodyEn}), or null. */
    public @Nullable String missingEnglishField() {
        if (blank(titleEn) && blank(leadEn) && blank(bodyEn)) {
            return null;
        }
        return blank(titleEn) ? "titleEn" : blank(bodyEn) ? "bodyEn" : null;
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    /** Whether a place was chosen without the position that orders its links. */
    public boolean lacksNavOrder() {
        return navPlace != null && !navPlace.isEmpty() && (navOrder == null || navOrder.isBlank());
    }
}
