package pl.koordes.monitoring.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import pl.koordes.monitoring.MonitoringChanged;
import pl.koordes.shared.database.AfterTransaction;
import pl.koordes.shared.web.AnonymousPageCache;

/**
 * Empties the anonymous page cache when anything in monitoring changes (once the change is committed), so the
 * public figures never lag behind an approval made by a scheduled job or an import. A changing request
 * empties it anyway; this covers the changes made outside one. Other nodes catch up when their cached pages
 * expire (a few seconds).
 */
@Component
class AnalysisPageCache {

    private final ObjectProvider<AnonymousPageCache> cache;

    AnalysisPageCache(ObjectProvider<AnonymousPageCache> cache) {
        this.cache = cache;
    }

    @EventListener
    void monitoringChanged(MonitoringChanged change) {
        AfterTransaction.run(() -> cache.ifAvailable(AnonymousPageCache::clear));
    }
}
