package pl.koordes.accounts.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;

/**
 * Who may do what with people, roles and the audit log. Controllers of the administration panel check
 * it before anything else (the URL rule for {@code /admin/**} in the security configuration stays as a
 * second line); templates ask it which links to show. A null user is a visitor, who may do none of it.
 */
@Component
public class AccountPermissions {

    /** The administration panel at all: its dashboard and the header's link to it. */
    public boolean canOpenAdministration(@Nullable CurrentUser user) {
        return administrator(user);
    }

    /** Listing, finding and opening people's accounts. */
    public boolean canAdministerPeople(@Nullable CurrentUser user) {
        return administrator(user);
    }

    /** Inviting a new person by e-mail (with roles, each checked by {@link #canGrant}). */
    public boolean canInvite(@Nullable CurrentUser user) {
        return administrator(user);
    }

    /**
     * Granting or taking away a role, for one region ({@code regionId}) or the whole country (null).
     * Only administrators hand out roles, any role anywhere: a coordinator manages their region's
     * content, not who may act in it.
     */
    public boolean canGrant(@Nullable CurrentUser user, Role role, @Nullable Long regionId) {
        return administrator(user);
    }

    /**
     * Deactivating or reactivating someone's account. One's own is not a permission question but a
     * refusal with a reason (the last administrator must not lock everyone out): see PeopleManagement.
     */
    public boolean canChangeStatus(@Nullable CurrentUser user) {
        return administrator(user);
    }

    /** Reading and exporting the audit log: it names people, so administrators only. */
    public boolean canReadAuditLog(@Nullable CurrentUser user) {
        return administrator(user);
    }

    private static boolean administrator(@Nullable CurrentUser user) {
        return user != null && user.has(Role.ADMINISTRATOR);
    }
}
