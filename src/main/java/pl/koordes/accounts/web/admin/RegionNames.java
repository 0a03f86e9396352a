package pl.koordes.accounts.web.admin;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import pl.koordes.directory.Region;
import pl.koordes.shared.security.RoleAssignment;

/** The regions for the panel's selects, and region names by id for the roles shown in lists. */
public record RegionNames(List<Region> regions, Map<Long, Region> byId) {

    public static RegionNames of(List<Region> regions) {
        return new RegionNames(regions, regions.stream().collect(Collectors.toMap(Region::id, Function.identity())));
    }

    /** The region's name, or null when the role holds in every region. */
    public @Nullable String name(RoleAssignment role, Locale locale) {
        Region region = role.regionId() == null ? null : byId.get(role.regionId());
        return region == null ? null : region.name(locale);
    }

    /** The region's slug, as the role forms send it back, or an empty text. */
    public String slug(RoleAssignment role) {
        Region region = role.regionId() == null ? null : byId.get(role.regionId());
        return region == null ? "" : region.slug();
    }
}
