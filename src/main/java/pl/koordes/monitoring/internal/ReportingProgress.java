package pl.koordes.monitoring.internal;

import pl.koordes.directory.Region;

/**
 * Where one region stands in one period: how many indicators its current programme has and how many of
 * their values are not started, drafts, submitted, returned and approved.
 */
public record ReportingProgress(
        Region region, int indicators, int notStarted, int draft, int submitted, int returned, int approved) {

    /** Nothing left for the region to do: every value submitted or approved. */
    public boolean complete() {
        return indicators > 0 && missing() == 0;
    }

    /** Values the region still has to submit: not started, drafts and returned ones. */
    public int missing() {
        return notStarted + draft + returned;
    }

    /** Whether the region has started at all. */
    public boolean started() {
        return notStarted < indicators;
    }
}
