package pl.koordes.postulates;

import gg.jte.Content;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * Extension point of a postulate's page: each part of the postulate's way (signatures, answers, the
 * timeline, the operator's actions) and other modules (comments) show themselves through a bean of this
 * type. Sections appear in ascending {@link #order()} below the postulate's text. A named interface, so
 * that the modules that implement it can say that this is what they depend on.
 */
@NamedInterface("postulate-page-section")
public interface PostulatePageSection {

    /** Position below the postulate; lower comes first. */
    int order();

    /**
     * The section's HTML for this postulate, or empty when it has nothing to show. The request gives the
     * language, the signed-in person ({@code CurrentUsers.current()}), query parameters and flash
     * attributes (a message after a redirect). Only called for a postulate the visitor may see.
     */
    Optional<Content> render(PostulateReference postulate, HttpServletRequest request);
}
