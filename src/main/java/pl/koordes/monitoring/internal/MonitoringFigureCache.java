package pl.koordes.monitoring.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The public figures kept in memory between changes: read once ({@link MonitoringFigureLoad#load()}), dropped when
 * anything in monitoring or the directory changes on this node (once the change is committed, see
 * {@link #forget()}) and read again
 * in the background every minute (for changes made on another node), as the directory's pages do. Without
 * it a signed-in person's view of the matrix read and grouped every approved value on each request (about
 * 40 ms of CPU with 3,200 values, bench/README.md "Monitoring"); with it a page costs its rendering.
 */
@Component
public class MonitoringFigureCache {

    private final MonitoringFigureLoad figures;
    private MonitoringFigures.@Nullable Snapshot snapshot;
    /** Counts changes, so that a read that started before a change never stores what it read. */
    private long generation;

    public MonitoringFigureCache(MonitoringFigureLoad figures) {
        this.figures = figures;
    }

    /** The figures as of the last change. */
    public MonitoringFigures.Snapshot snapshot() {
        long seen;
        synchronized (this) {
            if (snapshot != null) {
                return snapshot;
            }
            seen = generation;
        }
        MonitoringFigures.Snapshot fresh = figures.load();
        store(seen, fresh);
        return fresh;
    }

    /**
     * Drops the figures now: {@code web.AnalysisPageCache} calls it once a change in monitoring or the directory
     * is committed (and tests that write straight into the database).
     */
    public synchronized void forget() {
        generation++;
        snapshot = null;
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void refresh() {
        long seen;
        synchronized (this) {
            if (snapshot == null) {
                return;
            }
            seen = generation;
        }
        store(seen, figures.load());
    }

    private synchronized void store(long seen, MonitoringFigures.Snapshot fresh) {
        if (generation == seen) {
            snapshot = fresh;
        }
    }
}
