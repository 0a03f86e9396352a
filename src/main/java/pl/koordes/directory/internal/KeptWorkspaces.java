package pl.koordes.directory.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import pl.koordes.directory.DirectoryChanged;
import pl.koordes.directory.Region;
import pl.koordes.shared.cluster.ClusterChanges;
import pl.koordes.shared.cluster.KeptReads;
import pl.koordes.shared.i18n.Formats;

/**
 * The coordinators' workspaces as {@link RegionCoordination#workspace} reads them, kept per node ({@link KeptReads}):
 * a coordinator keeps the page open and comes back to it after every form, and its two statements in a transaction of
 * their own were a quarter of the page's cost, though the region's description, ROPS and committee change only when
 * someone saves them. Forgotten on every change to the directory ({@link DirectoryChanged}: the workspace's own forms,
 * the administrator's directory), on a change another module makes to a membership
 * ({@link pl.koordes.directory.CommitteeMemberships#changed}), and every minute as a second line. Kept by region and
 * day, because the day decides which members are past.
 *
 * <p>It holds members' non-public contacts, as the page does: callers check {@link DirectoryPermissions} first.
 */
@Component
public class KeptWorkspaces {

    /** At most this many workspaces are kept: one per region and day. */
    static final int WORKSPACES = 64;

    private record Key(long region, LocalDate day) {}

    private final RegionCoordination coordination;
    private final Clock clock;
    private final KeptReads<Key, RegionWorkspace> kept;

    KeptWorkspaces(RegionCoordination coordination, Clock clock, ClusterChanges changes) {
        this.coordination = coordination;
        this.clock = clock;
        // The directory's own kind: a change on another node is heard with the directory's other caches.
        this.kept = new KeptReads<>(changes, DirectoryChanged.CLUSTER_KIND, WORKSPACES);
    }

    /** The region's workspace as {@link RegionCoordination#workspace} gives it, from memory when kept. */
    public Optional<RegionWorkspace> workspace(Region region) {
        return kept.find(new Key(region.id(), today()), () -> coordination.workspace(region));
    }

    /**
     * Today in Warsaw: the default last day of an ended membership, and the first of a new one. Worked out here, not
     * by {@link RegionCoordination}, whose public methods each open a transaction that a page served from memory does
     * not need.
     */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.ZONE));
    }

    /** A membership changed outside the directory's write paths; in the transaction of the change. */
    public void changed() {
        kept.changed();
    }

    /**
     * Announces the notice {@code directory} that {@code DirectoryPageCache} announces for the same change too:
     * PostgreSQL delivers a transaction's identical notices once, and this cache does not depend on a web class.
     */
    @EventListener
    void directoryChanged(DirectoryChanged change) {
        kept.changed();
    }

    /** The second line, for a change made without the write paths (by hand in SQL). */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    public void forget() {
        kept.forget();
    }
}
