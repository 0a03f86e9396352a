package pl.koordes.monitoring.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;

/**
 * Who may do what in monitoring; one place for every controller and template of the module. A null user
 * is a visitor.
 *
 * <ul>
 *   <li>Public: the national programme, current regional programmes (and their former versions) and
 *       approved values.
 *   <li>A region (its coordinators and its committee members) reads its own drafts, submitted and returned
 *       values, notes and draft programme versions; the coordinator edits them; the committee gives its
 *       opinion on a draft version.
 *   <li>The operator (editors, administrators) reads everything, edits any programme, opens periods and
 *       approves, returns and reopens values; administrators edit the national programme.
 *   <li>Central institutions read everything and change nothing.
 * </ul>
 *
 * A region never approves its own values: approving is the operator's, and the operator does not enter
 * values.
 */
@Component
public class MonitoringPermissions {

    /** The national programme's structure, indicators and targets. */
    public boolean canEditNational(@Nullable CurrentUser user) {
        return user != null && user.has(Role.ADMINISTRATOR);
    }

    /** Operators: open and close periods, approve, return and reopen values, see every region's status. */
    public boolean isOperator(@Nullable CurrentUser user) {
        return user != null && (user.has(Role.EDITOR) || user.has(Role.ADMINISTRATOR));
    }

    /** Everything that is not public, for every region (operators and central institutions). */
    public boolean canReadAll(@Nullable CurrentUser user) {
        return isOperator(user) || (user != null && user.has(Role.CENTRAL_INSTITUTION));
    }

    /** What is not public about one region: drafts, submitted and returned values, notes, draft versions. */
    public boolean canReadRegion(@Nullable CurrentUser user, long regionId) {
        return canReadAll(user)
                || (user != null
                        && (user.has(Role.REGIONAL_COORDINATOR, regionId)
                                || user.has(Role.COMMITTEE_MEMBER, regionId)));
    }

    /** Whether the person has any region's non-public monitoring to read (the header's link). */
    public boolean canUseMonitoringWorkspace(@Nullable CurrentUser user) {
        return canReadAll(user)
                || (user != null && (user.has(Role.REGIONAL_COORDINATOR) || user.has(Role.COMMITTEE_MEMBER)));
    }

    /** Editing one region's programme (a draft version, its goals, actions, indicators and targets). */
    public boolean canEditProgramme(@Nullable CurrentUser user, long regionId) {
        return isOperator(user) || (user != null && user.has(Role.REGIONAL_COORDINATOR, regionId));
    }

    /** Recording the regional committee's opinion on a draft version. */
    public boolean canGiveCommitteeOpinion(@Nullable CurrentUser user, long regionId) {
        return user != null
                && (user.has(Role.ADMINISTRATOR)
                        || user.has(Role.REGIONAL_COORDINATOR, regionId)
                        || user.has(Role.COMMITTEE_MEMBER, regionId));
    }

    /** Entering, submitting and importing one region's values (never approving them). */
    public boolean canReport(@Nullable CurrentUser user, long regionId) {
        return user != null && user.has(Role.REGIONAL_COORDINATOR, regionId);
    }

    /** Approving, returning and reopening values: the operator, and never for a region one reports for. */
    public boolean canApprove(@Nullable CurrentUser user, long regionId) {
        return isOperator(user) && !canReport(user, regionId);
    }
}
