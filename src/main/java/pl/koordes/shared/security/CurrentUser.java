package pl.koordes.shared.security;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signed-in person as the rest of the platform sees them: who they are and which roles they hold
 * where. Kept in the HTTP session, so it is small and serialisable.
 */
public record CurrentUser(long id, String email, String displayName, List<RoleAssignment> roles, String language)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public boolean has(Role role) {
        return roles.stream().anyMatch(r -> r.role() == role);
    }

    /** Whether the person holds the role for this region (a role without region covers every region). */
    public boolean has(Role role, long regionId) {
        return roles.stream().anyMatch(r -> r.role() == role && r.coversRegion(regionId));
    }

    public boolean administrator() {
        return has(Role.ADMINISTRATOR);
    }

    /** The regions a regional role is bound to; empty when it is held for the whole country or not at all. */
    public Set<Long> regionsOf(Role role) {
        return roles.stream()
                .filter(r -> r.role() == role && r.regionId() != null)
                .map(RoleAssignment::regionId)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The institutions a role is held for (the central-institution role); empty when none is named. */
    public Set<Long> institutionsOf(Role role) {
        return roles.stream()
                .filter(r -> r.role() == role && r.institutionId() != null)
                .map(RoleAssignment::institutionId)
                .collect(Collectors.toUnmodifiableSet());
    }
}
