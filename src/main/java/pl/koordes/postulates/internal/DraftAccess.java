package pl.koordes.postulates.internal;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import pl.koordes.postulates.PostulateStatus;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;

/**
 * Who may work on a postulate for its region, for the drafting operations ({@link DraftingManagement}) and the
 * draft's files ({@link DraftAttachments}) alike: a draft of another region does not exist for the person
 * (404), a public postulate of another region is forbidden to change (403). Runs in the caller's transaction.
 */
@Component
class DraftAccess {

    private final PostulateStore store;
    private final PostulatePermissions permissions;

    DraftAccess(PostulateStore store, PostulatePermissions permissions) {
        this.store = store;
        this.permissions = permissions;
    }

    /** The postulate if the person may work on it for its region (its drafts and its submitted ones). */
    Postulate ofRegion(CurrentUser user, long id) {
        return checkRegion(user, store.find(id).orElseThrow(() -> new NotFound("postulate", id)));
    }

    Postulate checkRegion(CurrentUser user, Postulate postulate) {
        if (!permissions.canSee(user, postulate.status(), postulate.regionId())) {
            throw new NotFound("postulate", postulate.id());
        }
        if (!permissions.canDraft(user, postulate.regionId())) {
            throw new AccessDeniedException("Not this region's postulate");
        }
        return postulate;
    }

    /** A draft of the person's region, locked: 404/403 as {@link #ofRegion}, a conflict when no longer a draft. */
    Postulate lockedDraft(CurrentUser user, long id) {
        return onlyDraft(checkRegion(user, store.lock(id).orElseThrow(() -> new NotFound("postulate", id))));
    }

    /** The postulate if it is still a draft; a conflict otherwise. */
    static Postulate onlyDraft(Postulate postulate) {
        if (postulate.status() != PostulateStatus.DRAFT) {
            throw Refused.conflict("postulates.drafting.notDraft");
        }
        return postulate;
    }
}
