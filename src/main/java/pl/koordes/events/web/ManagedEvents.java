package pl.koordes.events.web;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import pl.koordes.events.internal.Event;
import pl.koordes.events.internal.EventCatalogue;
import pl.koordes.events.internal.EventPermissions;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;

/** The organiser's checks every organiser page makes before anything else, in one place. */
@Component
class ManagedEvents {

    private final EventCatalogue catalogue;
    private final EventPermissions permissions;

    ManagedEvents(EventCatalogue catalogue, EventPermissions permissions) {
        this.catalogue = catalogue;
        this.permissions = permissions;
    }

    void requireOrganiser(CurrentUser user) {
        if (!permissions.canOrganise(user)) {
            throw new AccessDeniedException("Not an organiser");
        }
    }

    /** The event if this person manages it: 404 for an unknown id, 403 for someone else's (AccessDeniedException). */
    Event managed(CurrentUser user, long id) {
        requireOrganiser(user);
        Event event = catalogue.find(id).orElseThrow(() -> new NotFound("event", id));
        if (!permissions.canManage(user, event)) {
            throw new AccessDeniedException("Not this organiser's event");
        }
        return event;
    }
}
