package pl.koordes.notifications.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.shared.notice.NoticeRequested;
import pl.koordes.shared.notice.NoticesRequested;
import pl.koordes.shared.scheduling.ClusterLock;
import pl.koordes.shared.web.RunningRequests;

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
    private final TransactionTemplate transactions;
    private final RunningRequests requests;
    private final Duration yieldAtMost;

    NoticeDelivery(
            Notices notices,
            ClusterLock lock,
            TransactionTemplate transactions,
            RunningRequests requests,
            @Value("${koordes.events.yield-to-requests:PT10S}") Duration yieldAtMost) {
        this.notices = notices;
        this.lock = lock;
        this.transactions = transactions;
        this.requests = requests;
        this.yieldAtMost = yieldAtMost;
    }

    // The transaction begins after the wait for a quiet moment, so that a waiting delivery holds no connection.
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(NoticeRequested notice) {
        requests.awaitQuiet(yieldAtMost);
        transactions.executeWithoutResult(status -> notices.store(notice));
    }

    /** Several notices published together: stored in one delivery (its transaction). */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(NoticesRequested requested) {
        requests.awaitQuiet(yieldAtMost);
        transactions.executeWithoutResult(status -> requested.notices().forEach(notices::store));
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
