package pl.koordes.events;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Public events as other modules read them. Drafts are never returned. */
public interface PublicEvents {

    /** A public event (published, cancelled or completed), or empty for a draft or an unknown id. */
    Optional<EventReference> find(long id);

    /** Public events by id; one statement. */
    Map<Long, EventReference> findByIds(Collection<Long> ids);

    /** The public events, latest start first (the choices of a form that links to an event); one statement. */
    List<EventReference> latest(int limit);

    /** The national events to come (published, not yet over), soonest first. */
    List<EventReference> upcomingNational(int limit);
}
