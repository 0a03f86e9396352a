package pl.koordes.postulates.internal;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import pl.koordes.directory.Region;
import pl.koordes.directory.RegionPageSection;
import pl.koordes.shared.i18n.Messages;

/**
 * "Postulaty województwa" on the region page: its latest public postulates (drafts never) with their status,
 * and a link to the public list filtered by the region. One statement.
 */
@Component
class PublicRegionSection implements RegionPageSection {

    /** How many postulates the section lists. */
    static final int SHOWN = 5;

    private final PublicListing listing;
    private final TemplateEngine templates;
    private final Messages messages;

    PublicRegionSection(PublicListing listing, TemplateEngine templates, Messages messages) {
        this.listing = listing;
        this.templates = templates;
        this.messages = messages;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Optional<Content> render(Region region, Locale locale) {
        List<PublicListing.Row> rows = listing.latest(region.id(), SHOWN);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("messages", messages);
        parameters.put("locale", locale);
        parameters.put("rows", rows);
        parameters.put("allHref", "/postulaty?wojewodztwo=" + region.slug());
        return Optional.of(
                output -> templates.render("postulates/accountability/regionSection.jte", parameters, output));
    }
}
