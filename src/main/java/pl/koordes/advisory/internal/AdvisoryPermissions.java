package pl.koordes.advisory.internal;

import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;

/**
 * Who may do what with advisory cases; one place for every controller and template of the module. A null
 * user is a visitor. Case contents are confidential:
 *
 * <ul>
 *   <li>The region (its coordinators and committee members) requests advice and sees its own cases; its
 *       coordinator rates a completed case.
 *   <li>The operator (editors, administrators) sees every case, accepts or declines, assigns experts, sets
 *       the limit of hours, consents to hours beyond it, and may request on a region's behalf.
 *   <li>An expert sees only the cases they are assigned to, records sessions and tasks there and closes them.
 *   <li>Central institutions see aggregates (hours per region, expert, topic and month), never a case.
 * </ul>
 */
@Component
public class AdvisoryPermissions {

    /** Operators: decide, assign, limits, consent, reports, exports. */
    public boolean isOperator(@Nullable CurrentUser user) {
        return user != null && (user.has(Role.EDITOR) || user.has(Role.ADMINISTRATOR));
    }

    /** Requesting advice for a region and reading its cases: its coordinators and committee members, the operator. */
    public boolean actsForRegion(@Nullable CurrentUser user, long regionId) {
        return isOperator(user)
                || (user != null
                        && (user.has(Role.REGIONAL_COORDINATOR, regionId)
                                || user.has(Role.COMMITTEE_MEMBER, regionId)));
    }

    /** Whether the person is one of the case's assigned experts. */
    public boolean isAssigned(@Nullable CurrentUser user, Collection<Long> assignedExperts) {
        return user != null && user.has(Role.EXPERT) && assignedExperts.contains(user.id());
    }

    /** Whether the visitor may read the case's contents. */
    public boolean canSee(@Nullable CurrentUser user, long regionId, Collection<Long> assignedExperts) {
        return actsForRegion(user, regionId) || isAssigned(user, assignedExperts);
    }

    /** Rating a completed case: the region's coordinator. */
    public boolean canRate(@Nullable CurrentUser user, long regionId) {
        return user != null && user.has(Role.REGIONAL_COORDINATOR, regionId);
    }

    /** Reading the aggregate figures (hours per region, expert, topic, month): the operator and central institutions. */
    public boolean canReadAggregates(@Nullable CurrentUser user) {
        return isOperator(user) || (user != null && user.has(Role.CENTRAL_INSTITUTION));
    }

    /** Asking for advice: a region's coordinator or committee member (for their region), or the operator. */
    public boolean canRequest(@Nullable CurrentUser user) {
        return isOperator(user)
                || (user != null && (user.has(Role.REGIONAL_COORDINATOR) || user.has(Role.COMMITTEE_MEMBER)));
    }

    /** Having a list of cases at /doradztwo: those who may request, and experts (their assigned cases). */
    public boolean hasCases(@Nullable CurrentUser user) {
        return canRequest(user) || (user != null && user.has(Role.EXPERT));
    }

    /** Recording sessions, tasks, the next date and closing a case: its assigned experts, and the operator to correct. */
    public boolean canRecord(@Nullable CurrentUser user, Collection<Long> assignedExperts) {
        return isOperator(user) || isAssigned(user, assignedExperts);
    }

    /** Marking a task done: its owner, the case's assigned experts and the operator. */
    public boolean canMarkDone(@Nullable CurrentUser user, @Nullable Long taskOwner, Collection<Long> assignedExperts) {
        return canRecord(user, assignedExperts) || (user != null && taskOwner != null && taskOwner == user.id());
    }
}
