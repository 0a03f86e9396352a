package pl.koordes.monitoring.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import pl.koordes.directory.DirectoryChanged;
import pl.koordes.monitoring.MonitoringChanged;
import pl.koordes.monitoring.internal.MonitoringFigureCache;
import pl.koordes.shared.cluster.ClusterChanges;
import pl.koordes.shared.database.AfterTransaction;
import pl.koordes.shared.web.AnonymousPageCache;

/**
 * When anything in monitoring (or a region's name) changes, once the change is committed: forgets the figures
 * kept in memory, then empties the anonymous page cache, in that order, so no page is cached again from the
 * old figures. A changing request empties the page cache anyway; this covers changes made outside one (a
 * scheduled job, an import). Other nodes catch up when their figures are read again (every minute) and their
 * cached pages expire (a few seconds).
 */
@Component
class AnalysisPageCache {

    private final MonitoringFigureCache figures;
    private final ObjectProvider<AnonymousPageCache> pages;

    AnalysisPageCache(MonitoringFigureCache figures, ObjectProvider<AnonymousPageCache> pages, ClusterChanges changes) {
        changes.onChange(MonitoringChanged.CLUSTER_KIND, figures::forget);
        changes.onChange(DirectoryChanged.CLUSTER_KIND, figures::forget);
        this.figures = figures;
        this.pages = pages;
    }

    @EventListener
    void monitoringChanged(MonitoringChanged change) {
        AfterTransaction.run(this::forget);
    }

    @EventListener
    void directoryChanged(DirectoryChanged change) {
        AfterTransaction.run(this::forget);
    }

    private void forget() {
        figures.forget();
        pages.ifAvailable(AnonymousPageCache::clear);
    }
}
