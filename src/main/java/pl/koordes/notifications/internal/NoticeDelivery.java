package pl.koordes.notifications.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import pl.koordes.shared.notice.NoticeRequested;
import pl.koordes.shared.notice.NoticesRequested;
import pl.koordes.shared.scheduling.ClusterLock;

/**
 * Stores every requested notice after the transaction that asked for it commits (kept in the publication
 * registry until stored, so a crash loses none), and once a day deletes read notices past their retention,
 * on one node of a cluster.
 */
@Component
class NoticeDelivery {

    private static final Logger log = LoggerFactory.getLogger(NoticeDelivery.class);

    private final Notices notices;
    private final ClusterLock lock;

    NoticeDelivery(Notices notices, ClusterLock lock) {
        this.notices = notices;
        this.lock = lock;
    }

    @ApplicationModuleListener
    void on(NoticeRequested notice) {
        notices.store(notice);
    }

    /** Several notices published together: stored in one delivery (its transaction). */
    @ApplicationModuleListener
    void on(NoticesRequested requested) {
        requested.notices().forEach(notices::store);
    }

    @Scheduled(fixedDelayString = "PT24H", initialDelayString = "PT13M")
    void purgeOld() {
        lock.runOnce("notifications.notice-retention", Duration.ofMinutes(30), Duration.ofMinutes(5), this::purgeNow);
    }

    int purgeNow() {
        int deleted = notices.deleteOldRead();
        if (deleted > 0) {
            log.info("Deleted {} read notices past their retention", deleted);
        }
        return deleted;
    }
}
