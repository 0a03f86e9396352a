package pl.koordes.shared.security;

import java.io.Serial;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * One role held by a person, bound to a region or not; the central-institution role is bound to the
 * institution whose postulates the person answers.
 *
 * @param regionId the region the role is limited to, or null for the whole country
 * @param institutionId the institution the role is held for (central institutions), or null
 */
public record RoleAssignment(
        Role role, @Nullable Long regionId, @Nullable Long institutionId) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** A role bound to a region or to none. */
    public RoleAssignment(Role role, @Nullable Long regionId) {
        this(role, regionId, null);
    }

    public boolean coversRegion(long region) {
        return regionId == null || regionId == region;
    }
}
