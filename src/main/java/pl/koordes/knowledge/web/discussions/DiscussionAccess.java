package pl.koordes.knowledge.web.discussions;

import org.springframework.stereotype.Component;
import pl.koordes.knowledge.internal.discussions.DiscussionThread;
import pl.koordes.knowledge.internal.discussions.Space;
import pl.koordes.knowledge.internal.discussions.SpacePermissions;
import pl.koordes.knowledge.internal.discussions.SpaceStore;
import pl.koordes.knowledge.internal.discussions.ThreadStore;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;

/**
 * A space or thread of an address, for whoever may read it. A space the person may not read is not found (404,
 * never 403): nothing tells them that it exists, what it is called, or that an id is taken. A moderator's page
 * answers 404 to those who may not read the space and 403 to readers who may not moderate.
 */
@Component
class DiscussionAccess {

    private final SpaceStore spaces;
    private final ThreadStore threads;
    private final SpacePermissions permissions;

    DiscussionAccess(SpaceStore spaces, ThreadStore threads, SpacePermissions permissions) {
        this.spaces = spaces;
        this.threads = threads;
        this.permissions = permissions;
    }

    Space readable(CurrentUser user, String slug) {
        Space space = spaces.bySlug(slug).orElseThrow(() -> new NotFound("discussion space", slug));
        boolean member = space.group() && spaces.names(space.id(), user.id());
        if (!permissions.canRead(user, space, member)) {
            throw new NotFound("discussion space", slug);
        }
        return space;
    }

    Space moderated(CurrentUser user, String slug) {
        Space space = readable(user, slug);
        if (!permissions.canModerate(user, space)) {
            throw new org.springframework.security.access.AccessDeniedException("Not a moderator of " + slug);
        }
        return space;
    }

    DiscussionThread thread(Space space, long id) {
        return threads.thread(space.id(), id).orElseThrow(() -> new NotFound("discussion thread", id));
    }
}
