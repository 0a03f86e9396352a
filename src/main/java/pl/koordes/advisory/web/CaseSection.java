package pl.koordes.advisory.web;

import gg.jte.Content;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import pl.koordes.advisory.internal.AdvisoryCase;
import pl.koordes.shared.security.CurrentUser;

/**
 * A part of an advisory case's page contributed by one part of the module (the operator's decision and
 * experts, the sessions and tasks, the rating), so that the page does not grow with every part. Sections
 * appear in ascending {@link #order()} below the case's facts. The page is only shown to those who may see
 * the case; a section decides itself which of its forms the visitor gets.
 */
public interface CaseSection {

    /** Position below the case; lower comes first. */
    int order();

    /** The section's HTML for this case and visitor, or empty when it has nothing to show. */
    Optional<Content> render(AdvisoryCase advisoryCase, CurrentUser user, HttpServletRequest request);
}
