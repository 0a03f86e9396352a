package pl.koordes.content;

import gg.jte.Content;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * Extension point of the article page: the comments module (which depends on content, never the
 * other way round) shows its list and form through a bean of this type. Sections appear in
 * ascending {@link #order()} below the article's body. A named interface, so that the module
 * documentation shows it as the extension point it is.
 */
@NamedInterface("article-page-section")
public interface ArticlePageSection {

    /** Position below the article; lower comes first. */
    int order();

    /**
     * The section's HTML for this article, or empty when it has nothing to show. The request gives
     * the language, query parameters (a page of comments) and flash attributes (a message after a
     * redirect).
     */
    Optional<Content> render(ArticleReference article, HttpServletRequest request);
}
