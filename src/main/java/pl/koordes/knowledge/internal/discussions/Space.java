package pl.koordes.knowledge.internal.discussions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.security.Role;

/**
 * A discussion space.
 *
 * @param regionId the committee's region (committee spaces only)
 * @param roles who may read a group by role (groups only; empty otherwise)
 * @param rowVersion raised by each change of a group's settings
 */
public record Space(
        long id,
        SpaceKind kind,
        String slug,
        @Nullable Long regionId,
        String name,
        String description,
        Set<Role> roles,
        int rowVersion) {

    public static final String COLUMNS = "s.id, s.kind, s.slug, s.region_id, s.name, s.description, s.row_version,"
            + " coalesce((select array_agg(r.role order by r.role) from discussion_space_role r"
            + " where r.space_id = s.id), '{}') as roles";

    public Space {
        roles = Set.copyOf(roles);
    }

    static Space of(ResultSet rs, int row) throws SQLException {
        String[] roles = (String[]) rs.getArray("roles").getArray();
        java.util.EnumSet<Role> set = java.util.EnumSet.noneOf(Role.class);
        for (String role : roles) {
            set.add(Role.valueOf(role));
        }
        return new Space(
                rs.getLong("id"),
                SpaceKind.valueOf(rs.getString("kind")),
                rs.getString("slug"),
                rs.getObject("region_id", Long.class),
                rs.getString("name"),
                rs.getString("description"),
                set,
                rs.getInt("row_version"));
    }

    /** The space's page. */
    public String path() {
        return SpacePaths.ROOT + "/" + slug;
    }

    public boolean group() {
        return kind == SpaceKind.GROUP;
    }
}
