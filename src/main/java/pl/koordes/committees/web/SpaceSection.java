package pl.koordes.committees.web;

import gg.jte.Content;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import pl.koordes.committees.internal.CommitteeSpace;
import pl.koordes.shared.security.CurrentUser;

/**
 * A part of a committee's space (/komitet/{slug}) contributed by one part of the module (meetings and
 * absence flags, resolutions and opinions, composition and terms), so that the page does not grow with
 * every part. Sections appear in ascending {@link #order()}. The space is only shown to those who may see
 * the committee's internal matters; a section decides itself which of its forms the visitor gets.
 */
public interface SpaceSection {

    /** Position on the page; lower comes first. */
    int order();

    /** The section's HTML for this committee and visitor, or empty when it has nothing to show. */
    Optional<Content> render(CommitteeSpace space, CurrentUser user, HttpServletRequest request);
}
