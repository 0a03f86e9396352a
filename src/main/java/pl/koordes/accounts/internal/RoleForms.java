package pl.koordes.accounts.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import pl.koordes.accounts.InvitePersonForm;
import pl.koordes.directory.CentralInstitution;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;

/** Roles as the administration forms give them (role name, region address) and as the audit log names them. */
@Component
public class RoleForms {

    /** How the role forms name a central institution in the region's select: {@code instytucja-12}. */
    public static final String INSTITUTION_PREFIX = "instytucja-";

    private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,80}");

    private final Directory directory;

    RoleForms(Directory directory) {
        this.directory = directory;
    }

    /** The roles an invitation asks for; at least one. */
    public List<RoleAssignment> of(InvitePersonForm form) {
        Set<RoleAssignment> roles = new LinkedHashSet<>();
        for (int i = 0; i < form.rows(); i++) {
            if (!form.roleAt(i).isBlank()) {
                roles.add(assignment(form.roleAt(i), form.regionAt(i), "roles", "roles"));
            }
        }
        if (roles.isEmpty()) {
            throw Refused.field("roles", "admin.invite.roles.required");
        }
        return List.copyOf(roles);
    }

    /** A role from form values; a regional role needs its region. */
    public RoleAssignment assignment(
            @Nullable String roleName,
            @Nullable String regionSlug,
            @Nullable String roleField,
            @Nullable String regionField) {
        Role role;
        try {
            role = Role.valueOf(roleName == null ? "" : roleName.strip());
        } catch (IllegalArgumentException unknown) {
            throw Refused.of(roleField, "admin.role.invalid");
        }
        if (role == Role.CENTRAL_INSTITUTION) {
            return new RoleAssignment(role, null, institution(regionSlug, regionField));
        }
        Long regionId = null;
        if (regionSlug != null && !regionSlug.isBlank()) {
            regionId = region(regionSlug)
                    .map(Region::id)
                    .orElseThrow(() -> Refused.of(regionField, "admin.role.region.invalid"));
        }
        if (role.regional() && regionId == null) {
            throw Refused.of(regionField, "admin.role.region.required");
        }
        return new RoleAssignment(role, regionId);
    }

    /**
     * The central institution the central-institution role is held for, chosen in the region's select
     * ({@code instytucja-12}): only the people of that institution answer its postulates.
     */
    private long institution(@Nullable String value, @Nullable String field) {
        String chosen = value == null ? "" : value.strip();
        if (!chosen.startsWith(INSTITUTION_PREFIX)) {
            throw Refused.of(field, "admin.role.institution.required");
        }
        try {
            long id = Long.parseLong(chosen.substring(INSTITUTION_PREFIX.length()));
            return directory
                    .centralInstitution(id)
                    .map(CentralInstitution::id)
                    .orElseThrow(() -> Refused.of(field, "admin.role.institution.required"));
        } catch (NumberFormatException notANumber) {
            throw Refused.of(field, "admin.role.institution.required");
        }
    }

    /** The region with this slug; a text that cannot be a slug is not looked up at all. */
    public Optional<Region> region(String slug) {
        String candidate = slug.strip();
        return SLUG.matcher(candidate).matches() ? directory.region(candidate) : Optional.empty();
    }

    /** Roles as the audit log keeps them: {@code ROLE} or {@code ROLE:region-slug}, sorted. */
    public List<String> describe(List<RoleAssignment> roles) {
        Map<Long, String> slugs = roles.stream().anyMatch(r -> r.regionId() != null)
                ? directory.regions().stream().collect(Collectors.toMap(Region::id, Region::slug))
                : Map.of();
        return roles.stream()
                .map(r -> r.institutionId() != null
                        ? r.role().name() + ":" + INSTITUTION_PREFIX + r.institutionId()
                        : r.regionId() == null
                                ? r.role().name()
                                : r.role().name() + ":"
                                        + slugs.getOrDefault(
                                                r.regionId(), r.regionId().toString()))
                .sorted()
                .toList();
    }
}
