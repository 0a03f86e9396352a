package pl.koordes.surveys.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import pl.koordes.shared.scheduling.ClusterLock;

/**
 * Needs whose linked events have ended become answered: a job every quarter of an hour (one node per turn,
 * {@link ClusterLock}) rather than a computation on every read, so that the list filters and counts the
 * stored status. Linking and unlinking apply the rule at once; the job only notices time passing and events
 * that were moved, cancelled or deleted.
 */
@Component
class NeedJobs {

    private static final Logger log = LoggerFactory.getLogger(NeedJobs.class);

    private final NeedManagement needs;
    private final ClusterLock lock;

    NeedJobs(NeedManagement needs, ClusterLock lock) {
        this.needs = needs;
        this.lock = lock;
    }

    @Scheduled(
            fixedDelayString = "${koordes.surveys.needs-refresh-interval:15m}",
            initialDelayString = "${koordes.surveys.needs-refresh-interval:15m}")
    void refresh() {
        lock.runOnce("surveys.needs-status", Duration.ofMinutes(10), Duration.ofMinutes(1), this::refreshNow);
    }

    void refreshNow() {
        int changed = needs.refresh();
        if (changed > 0) {
            log.info("Needs whose status moved with their events: {}", changed);
        }
    }
}
