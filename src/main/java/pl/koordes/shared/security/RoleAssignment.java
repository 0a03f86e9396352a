package pl.koordes.shared.security;

import java.io.Serial;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * One role held by a person, bound to a region or not.
 *
 * @param regionId the region the role is limited to, or null for the whole country
 */
public record RoleAssignment(Role role, @Nullable Long regionId) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public boolean coversRegion(long region) {
        return regionId == null || regionId == region;
    }
}
