package pl.koordes.postulates.internal;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import pl.koordes.directory.Region;
import pl.koordes.directory.RegionPageSection;
import pl.koordes.postulates.PostulateChanged;
import pl.koordes.shared.i18n.Messages;

/**
 * "Postulaty województwa" on the region page: its latest public postulates (drafts never) with their status,
 * and a link to the public list filtered by the region. Kept in memory for half a minute (see {@link #latest()}).
 */
@Component
class PublicRegionSection implements RegionPageSection {

    /** How many postulates the section lists. */
    static final int SHOWN = 5;

    /** How long the section's rows are kept before they are read again (a change on this node forgets them). */
    private static final Duration KEPT = Duration.ofSeconds(30);

    /** Every region's latest rows, read in one statement, and when. */
    private record Latest(Map<Long, List<PublicListing.Row>> rows, Instant readAt) {}

    private final PublicListing listing;
    private final Clock clock;
    private volatile @Nullable Latest latest;
    private final TemplateEngine templates;
    private final Messages messages;

    PublicRegionSection(PublicListing listing, TemplateEngine templates, Messages messages, Clock clock) {
        this.clock = clock;
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
        List<PublicListing.Row> rows = latest().rows().getOrDefault(region.id(), List.of());
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("messages", messages);
        parameters.put("locale", locale);
        parameters.put("rows", rows);
        parameters.put("allHref", "/postulaty?wojewodztwo=" + region.slug());
        return Optional.of(
                output -> templates.render("postulates/accountability/regionSection.jte", parameters, output));
    }

    /**
     * The rows of every region, kept {@link #KEPT} so that a region page reads nothing for this section (its
     * statement count stays the directory's); a change of a postulate on this node forgets them once committed.
     */
    private Latest latest() {
        Instant now = clock.instant();
        Latest current = latest;
        if (current == null || current.readAt().plus(KEPT).isBefore(now)) {
            current = new Latest(listing.latestByRegion(SHOWN), now);
            latest = current;
        }
        return current;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void forget(PostulateChanged changed) {
        latest = null;
    }
}
