package pl.koordes.shared.cluster;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a listener of a kept event safe to run twice. A publication in the registry runs its listener again
 * when the node that ran it died before marking it completed, or when the recovery job took it for stale while
 * it was still running; a listener that sends mail, issues a link or stores something would then do it twice.
 * Such a listener first asks {@link #first}: the answer is recorded in the listener's own transaction, so it
 * is true exactly once per listener and event, whichever node asks and however often (a second transaction
 * asking at the same moment waits for the first and then gets false; if the first rolls back, the second
 * gets true).
 */
@Component
public class OnceOnly {

    private final JdbcClient jdbc;

    OnceOnly(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Whether {@code listener} handles the event {@code eventId} for the first time; records that it does.
     *
     * @param listener the listener's stable id (as in {@code @ApplicationModuleListener(id = …)})
     * @param eventId the event's own id, the same in every run of the publication
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean first(String listener, UUID eventId) {
        return jdbc.sql("""
                        insert into shared_handled_event (listener, event_id) values (:listener, :event)
                        on conflict do nothing""").param("listener", listener).param("event", eventId).update() == 1;
    }

    /** Forgets events handled before {@code days} days ago (none is resubmitted that late). */
    int forgetOlderThanDays(int days) {
        return jdbc.sql("delete from shared_handled_event where handled_at < now() - make_interval(days => :days)")
                .param("days", days)
                .update();
    }
}
