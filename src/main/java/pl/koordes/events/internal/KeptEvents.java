package pl.koordes.events.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import pl.koordes.events.EventCancelled;
import pl.koordes.events.EventChanged;
import pl.koordes.events.EventStatusChanged;
import pl.koordes.shared.cluster.ClusterChanges;
import pl.koordes.shared.database.AfterTransaction;

/**
 * Events as the registration form reads them, kept per node: in a rush, every registration read its event anew (three
 * statements, a tenth of the registration's own work) though organisers change an event rarely. Only found events are
 * kept, at most {@value #EVENTS}. Forgotten when an organiser changes an event (its form, its status, its
 * cancelling): on this node once the change's transaction has ended, on every node when it hears of it through
 * {@link ClusterChanges} (within {@link ClusterChanges#BOUND}), and every minute as a second line. A reading that
 * started before a change is never kept (a generation counts the changes). A transaction that writes always reads the
 * database. What decides a registration (whether it is still open, the seats) is read again under the event's lock
 * ({@link RegistrationGroups}), so an event kept a moment too long can show an old text, never give a seat it should
 * not.
 */
@Component
public class KeptEvents {

    /** The {@link ClusterChanges} kind this class announces and hears. */
    static final String CHANGED = "events";

    /** At most this many events are kept; when full, the whole map is forgotten (rare: one per event read). */
    static final int EVENTS = 1_000;

    private final EventCatalogue catalogue;
    private final ClusterChanges changes;
    private final Map<Long, Event> byId = new ConcurrentHashMap<>();
    /** Counts forgettings, so that a reading that started before one is never kept. */
    private long generation;

    KeptEvents(EventCatalogue catalogue, ClusterChanges changes) {
        this.catalogue = catalogue;
        this.changes = changes;
        changes.onChange(CHANGED, this::forget);
    }

    /** The event, as {@link EventCatalogue#find} gives it, from memory when kept. */
    public Optional<Event> find(long id) {
        Event kept = byId.get(id);
        if (kept != null && !writing()) {
            return Optional.of(kept);
        }
        long seen = generation();
        Optional<Event> found = catalogue.find(id);
        found.ifPresent(event -> {
            synchronized (this) {
                if (seen == generation) {
                    if (byId.size() >= EVENTS) {
                        byId.clear();
                    }
                    byId.put(id, event);
                }
            }
        });
        return found;
    }

    @EventListener
    void changed(EventChanged change) {
        announce();
    }

    @EventListener
    void statusChanged(EventStatusChanged change) {
        announce();
    }

    @EventListener
    void cancelled(EventCancelled change) {
        announce();
    }

    private void announce() {
        changes.changed(CHANGED);
        AfterTransaction.run(this::forget);
    }

    /** The second line, for a change made without the write paths (by hand in SQL, say). */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    synchronized void forget() {
        generation++;
        byId.clear();
    }

    private synchronized long generation() {
        return generation;
    }

    private static boolean writing() {
        return TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
    }
}
