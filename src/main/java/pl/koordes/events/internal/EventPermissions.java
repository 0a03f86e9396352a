package pl.koordes.events.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import pl.koordes.events.EventLevel;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;

/**
 * Who may do what with events, for controllers and templates alike. Editors and administrators manage
 * every event; a regional coordinator manages the regional events of their own region and nothing
 * else — another region's drafts and registration lists stay invisible to them.
 */
@Component
public class EventPermissions {

    /** Whether the person may open the organisers' pages at all. */
    public boolean canOrganise(@Nullable CurrentUser user) {
        return user != null && (manageEverything(user) || user.has(Role.REGIONAL_COORDINATOR));
    }

    /** Editors and administrators: every event, every level. */
    public boolean manageEverything(@Nullable CurrentUser user) {
        return user != null && (user.has(Role.EDITOR) || user.administrator());
    }

    /** Whether the person may edit the event, see its registration list and change its registrations. */
    public boolean canManage(@Nullable CurrentUser user, Event event) {
        return canManage(user, event.level(), event.regionId());
    }

    /** The same question for an event about to be created or moved to this level and region. */
    public boolean canManage(@Nullable CurrentUser user, EventLevel level, @Nullable Long regionId) {
        if (user == null) {
            return false;
        }
        if (manageEverything(user)) {
            return true;
        }
        return level == EventLevel.REGIONAL && regionId != null && user.has(Role.REGIONAL_COORDINATOR, regionId);
    }

    /** Whether the person may see the event's page: published ones are public, drafts only for those who manage them. */
    public boolean canView(@Nullable CurrentUser user, Event event) {
        return event.status().visible() || canManage(user, event);
    }
}
