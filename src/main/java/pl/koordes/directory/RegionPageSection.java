package pl.koordes.directory;

import gg.jte.Content;
import java.util.Locale;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * Extension point of the region page: a module that has something to show about a region (its
 * events, its programme, its postulates) registers a bean of this type instead of editing the
 * directory. Sections appear in ascending {@link #order()}. A named interface of the module, so that
 * the modules that implement it can say that this is what they depend on.
 */
@NamedInterface("region-page-section")
public interface RegionPageSection {

    /** Position on the page; lower comes first. */
    int order();

    /** The section's HTML for this region, or empty when it has nothing to show. */
    Optional<Content> render(Region region, Locale locale);
}
