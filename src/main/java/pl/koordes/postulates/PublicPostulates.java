package pl.koordes.postulates;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Public postulates as other modules read them (comments hang under them). Drafts are never returned: for
 * every other module a draft does not exist.
 */
public interface PublicPostulates {

    /** A public postulate that can still be discussed on its own page (not a draft, not merged into another). */
    Optional<PostulateReference> findPublic(long id);

    /** Public postulates (merged ones included: their address leads on) by id; one statement. */
    Map<Long, PostulateReference> findByIds(Collection<Long> ids);

    /** The most recently submitted public postulates that are not merged, newest first. */
    List<PostulateReference> latest(int limit);
}
