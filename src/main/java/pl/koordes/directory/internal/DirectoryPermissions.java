package pl.koordes.directory.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;

/**
 * Who may do what in the directory. Administrators manage all of it; a regional coordinator looks after
 * their own region only: its public profile, its ROPS contact and its committee's memberships, and they
 * see the committee members' contact details that the public page leaves out. Controllers check these
 * rules before they read anything; templates use them to show or hide links. A null user is a visitor.
 */
@Component
public class DirectoryPermissions {

    /** The directory administration (every region, macroregion, institution and committee). */
    public boolean canManageDirectory(@Nullable CurrentUser user) {
        return user != null && user.has(Role.ADMINISTRATOR);
    }

    /** The coordination workspace at all: the list of one's regions and the header's link to it. */
    public boolean canUseWorkspace(@Nullable CurrentUser user) {
        return user != null && (user.has(Role.ADMINISTRATOR) || user.has(Role.REGIONAL_COORDINATOR));
    }

    /** Whether the workspace lists every region for this person (an administrator, a country-wide coordinator). */
    public boolean coversEveryRegion(@Nullable CurrentUser user) {
        return user != null
                && (user.has(Role.ADMINISTRATOR)
                        || user.roles().stream()
                                .anyMatch(r -> r.role() == Role.REGIONAL_COORDINATOR && r.regionId() == null));
    }

    /** Editing one region's public profile and ROPS contact and its committee's memberships. */
    public boolean canEditRegion(@Nullable CurrentUser user, long regionId) {
        return user != null && (user.has(Role.ADMINISTRATOR) || user.has(Role.REGIONAL_COORDINATOR, regionId));
    }

    /** Seeing the e-mail addresses and telephone numbers of one region's committee members, which are not public. */
    public boolean canSeeMemberContacts(@Nullable CurrentUser user, long regionId) {
        return canEditRegion(user, regionId);
    }
}
