package pl.koordes.committees.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import pl.koordes.committees.CommitteeChanged;
import pl.koordes.directory.CommitteeMemberships;

/**
 * Tells the directory when this module changed a membership (its kind of body, its account, the end of its term after
 * absences or at the end of the term), in the transaction of the change: the coordinators' workspaces it keeps in
 * memory show memberships.
 */
@Component
class MembershipNotices {

    private final CommitteeMemberships memberships;

    MembershipNotices(CommitteeMemberships memberships) {
        this.memberships = memberships;
    }

    @EventListener
    void committeeChanged(CommitteeChanged change) {
        if (CommitteeChanged.MEMBERSHIP.equals(change.targetType())) {
            memberships.changed();
        }
    }
}
