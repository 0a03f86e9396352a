package pl.koordes.events;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import pl.koordes.shared.security.CurrentUser;

/**
 * Events as the operator's pages of other modules use them (surveys turn a need into an event): a draft made
 * from elsewhere, created the way organisers create events (the same permission check, the same audit line),
 * and events read whatever their status, drafts included, for pages only organisers see.
 */
public interface EventDrafts {

    /**
     * Creates a draft meeting with this title and description: regional in the region given, national without
     * one; a month from today, 10:00–14:00, in person, so that the organiser completes it on its edit page.
     *
     * @return the new event's id
     * @throws AccessDeniedException when the person may not organise it
     */
    long create(CurrentUser organiser, String title, String description, @Nullable Long regionId);

    /** Events by id, drafts included; one statement. */
    Map<Long, EventReference> findAny(Collection<Long> ids);

    /** The latest events by their start, drafts included and cancelled ones left out; one statement. */
    List<EventReference> latest(int limit);

    /**
     * The region's regional events, drafts included and cancelled ones left out, the latest first; one
     * statement (an advisory group session is linked to one of them).
     */
    List<EventReference> latestInRegion(long regionId, int limit);

    /** The address of an event's edit page for its organisers. */
    static String editPath(long id) {
        return "/organizacja/wydarzenia/" + id;
    }
}
