package pl.koordes.directory;

import org.springframework.stereotype.Component;
import pl.koordes.directory.internal.KeptWorkspaces;

/**
 * For another module that changes a committee membership the directory shows (the committees module sets a member's
 * kind of body and ends a term after absences): the directory keeps the coordinators' workspaces in memory and must
 * hear of it.
 */
@Component
public class CommitteeMemberships {

    private final KeptWorkspaces workspaces;

    CommitteeMemberships(KeptWorkspaces workspaces) {
        this.workspaces = workspaces;
    }

    /**
     * A membership changed: call it in the transaction of the change, so that every node shows it once it commits
     * (this one at once, the others within {@link pl.koordes.shared.cluster.ClusterChanges#BOUND}).
     */
    public void changed() {
        workspaces.changed();
    }
}
