package pl.koordes.committees.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;

/**
 * Who may do what with a committee's work; one place for every controller and template of the module. A
 * null user is a visitor.
 *
 * <ul>
 *   <li>The region's coordinators act as the committee's secretary: they convene meetings, record
 *       attendance, write resolutions and minutes, and see everything, drafts included.
 *   <li>The region's committee members (the role, bound to the region) read internal matters: convened
 *       meetings, documents, internal resolutions, minutes sent for remarks and adopted; they answer
 *       invitations and remark on minutes for themselves.
 *   <li>Administrators may do what a coordinator may, to help.
 *   <li>Everyone else, another region's members included, sees only what is public: public meetings,
 *       adopted resolutions marked public and attendance counts.
 * </ul>
 */
@Component
public class CommitteePermissions {

    /** The secretary's work: meetings, attendance, resolutions, minutes, flag decisions. */
    public boolean canManage(@Nullable CurrentUser user, long regionId) {
        return user != null && (user.administrator() || user.has(Role.REGIONAL_COORDINATOR, regionId));
    }

    /** Reading the committee's internal matters (not drafts): its members and its secretaries. */
    public boolean canSeeInternal(@Nullable CurrentUser user, long regionId) {
        return canManage(user, regionId) || (user != null && user.has(Role.COMMITTEE_MEMBER, regionId));
    }

    /** Whether the person has a committee space at all (the header link): some region's coordinator or member. */
    public boolean hasSpace(@Nullable CurrentUser user) {
        return user != null
                && (user.administrator() || user.has(Role.REGIONAL_COORDINATOR) || user.has(Role.COMMITTEE_MEMBER));
    }
}
