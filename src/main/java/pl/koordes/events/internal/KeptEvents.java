package pl.koordes.events.internal;

import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import pl.koordes.events.EventCancelled;
import pl.koordes.events.EventChanged;
import pl.koordes.events.EventStatusChanged;
import pl.koordes.shared.cluster.ClusterChanges;
import pl.koordes.shared.cluster.KeptReads;

/**
 * Events as the registration form reads them, kept per node ({@link KeptReads}): in a rush, every registration read
 * its event anew (three statements, a tenth of the registration's own work) though organisers change an event rarely.
 * Forgotten when an organiser changes an event (its form, its status, its cancelling), and every minute. What decides
 * a registration (whether it is still open, the seats) is read again under the event's lock
 * ({@link RegistrationGroups}), so an event kept a moment too long can show an old text, never give a seat it should
 * not.
 */
@Component
public class KeptEvents {

    /** The {@link ClusterChanges} kind of a change to an event. */
    static final String CHANGED = "events";

    /** At most this many events are kept. */
    static final int EVENTS = 1_000;

    private final EventCatalogue catalogue;
    private final KeptReads<Long, Event> kept;

    KeptEvents(EventCatalogue catalogue, ClusterChanges changes) {
        this.catalogue = catalogue;
        this.kept = new KeptReads<>(changes, CHANGED, EVENTS);
    }

    /** The event, as {@link EventCatalogue#find} gives it, from memory when kept. */
    public Optional<Event> find(long id) {
        return kept.find(id, () -> catalogue.find(id));
    }

    @EventListener
    void changed(EventChanged change) {
        kept.changed();
    }

    @EventListener
    void statusChanged(EventStatusChanged change) {
        kept.changed();
    }

    @EventListener
    void cancelled(EventCancelled change) {
        kept.changed();
    }

    /** The second line, for a change made without the write paths. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void forget() {
        kept.forget();
    }
}
