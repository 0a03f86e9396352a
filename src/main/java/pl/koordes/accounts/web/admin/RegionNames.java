package pl.koordes.accounts.web.admin;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import pl.koordes.accounts.internal.RoleForms;
import pl.koordes.directory.CentralInstitution;
import pl.koordes.directory.Region;
import pl.koordes.shared.security.RoleAssignment;

/**
 * The regions for the panel's selects, and region names by id for the roles shown in lists; with the
 * central institutions, which the central-institution role is held for (chosen in the same select).
 */
public record RegionNames(List<Region> regions, Map<Long, Region> byId, List<CentralInstitution> institutions) {

    public static RegionNames of(List<Region> regions) {
        return of(regions, List.of());
    }

    public static RegionNames of(List<Region> regions, List<CentralInstitution> institutions) {
        return new RegionNames(
                regions, regions.stream().collect(Collectors.toMap(Region::id, Function.identity())), institutions);
    }

    /** The region's name (the institution's for the central-institution role), or null when the role holds in every region. */
    public @Nullable String name(RoleAssignment role, Locale locale) {
        if (role.institutionId() != null) {
            return institutions.stream()
                    .filter(institution -> institution.id() == role.institutionId())
                    .map(CentralInstitution::label)
                    .findFirst()
                    .orElse(null);
        }
        Region region = role.regionId() == null ? null : byId.get(role.regionId());
        return region == null ? null : region.name(locale);
    }

    /** The region's slug (or the institution's value), as the role forms send it back, or an empty text. */
    public String slug(RoleAssignment role) {
        if (role.institutionId() != null) {
            return RoleForms.INSTITUTION_PREFIX + role.institutionId();
        }
        Region region = role.regionId() == null ? null : byId.get(role.regionId());
        return region == null ? "" : region.slug();
    }

    /** The value the role forms send for an institution. */
    public String value(CentralInstitution institution) {
        return RoleForms.INSTITUTION_PREFIX + institution.id();
    }
}
